package io.nectar.app;

import io.nectar.config.Config;
import io.nectar.jobs.UploadEngine;

/**
 * The server's own upload engine (the standard bill reader and the real filing), exactly as
 * {@link NectarServer} makes it from its settings, for tests that change only the worker's timings
 * or the authorities trusted for bulk URLs.
 */
public final class StandardUploads {
  private StandardUploads() {}

  public static UploadEngine of(Config config) {
    return NectarServer.standardUploads(config);
  }
}
