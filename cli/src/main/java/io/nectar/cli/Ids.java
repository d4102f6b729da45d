package io.nectar.cli;

import java.util.UUID;

/** Ids from the command line: the API's ids are UUIDs, so anything else is a usage error, not a 404. */
final class Ids {
  private Ids() {}

  static UUID parse(String what, String value) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageException(what + " must be an id (a UUID such as 0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c), not "
          + value);
    }
  }
}
