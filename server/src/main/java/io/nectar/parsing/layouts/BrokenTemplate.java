package io.nectar.parsing.layouts;

/** A template file that cannot be used, with the file and line to fix. */
public final class BrokenTemplate extends RuntimeException {
  public BrokenTemplate(String file, int line, String problem, Throwable cause) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
  }
}
