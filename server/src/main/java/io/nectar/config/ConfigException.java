package io.nectar.config;

/** A setting has a value the server cannot run with; the message names the setting. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String setting, String problem) {
    super(setting + ": " + problem);
  }
}
