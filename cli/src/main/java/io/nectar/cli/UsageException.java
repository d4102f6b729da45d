package io.nectar.cli;

/** A mistake in how the command was called, found after parsing (a missing key, a folder that is not there): exit 2. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
