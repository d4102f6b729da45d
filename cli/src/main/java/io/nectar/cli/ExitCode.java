package io.nectar.cli;

/** The exit codes scripts can rely on (README, "Command-line client"). */
final class ExitCode {
  static final int OK = 0;
  /** The API answered with an error (or a body that is not what the API sends). */
  static final int API_ERROR = 1;
  /** The command was called wrongly: an unknown option, a missing argument, no key. */
  static final int USAGE = 2;
  /** The server could not be reached, or stopped answering. */
  static final int NETWORK = 3;

  private ExitCode() {}
}
