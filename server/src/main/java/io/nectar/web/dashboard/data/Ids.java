package io.nectar.web.dashboard.data;

import io.nectar.errors.NotFound;
import java.util.UUID;

/** Ids from a page's address: anything that is not a UUID names nothing, so it is "not found". */
final class Ids {
  private Ids() {}

  static UUID of(String raw, String what) {
    return io.nectar.http.Api.uuid(raw).orElseThrow(() -> new NotFound(what));
  }
}
