package io.nectar.storage;

import io.nectar.errors.Unavailable;

/**
 * The store of files cannot be used: at start-up a setting is wrong (no such bucket, credentials
 * refused, endpoint unreachable), or at run time the store is down. The message is one line for the
 * operator that starts with the setting to look at ({@code NECTAR_BLOB_URL: bucket 'x' does not
 * exist}); a client whose request needed a file gets a 503 whose detail says only that files are
 * unavailable for now.
 */
public final class BlobStoreUnavailable extends Unavailable {
  static final String CLIENT_DETAIL = "Stored files are unavailable right now; try again in a moment.";

  private final String setting;
  private final String problem;

  public BlobStoreUnavailable(String setting, String problem) {
    this(setting, problem, null);
  }

  public BlobStoreUnavailable(String setting, String problem, Throwable cause) {
    super(CLIENT_DETAIL, setting + ": " + problem, cause);
    this.setting = setting;
    this.problem = problem;
  }

  /** What is wrong, without the setting's name. */
  public String problem() {
    return problem;
  }

  /** The setting an operator should look at, e.g. {@code NECTAR_BLOB_URL}. */
  public String setting() {
    return setting;
  }
}
