package io.nectar.web.dashboard.data;

import io.nectar.errors.Forbidden;
import io.nectar.errors.NotFound;
import java.util.function.Supplier;

/**
 * The dashboard's answer to another tenant's id. The services follow the API (CONTRACT §3: 403 for an
 * object of another organization or environment); a page answers 404 instead, as if the object did
 * not exist, so that a signed-in person cannot even learn that an id is in use elsewhere.
 */
final class Owned {
  private Owned() {}

  /** Runs a service call; another tenant's object becomes "not found". */
  static <T> T get(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (Forbidden e) {
      throw new NotFound(what);
    }
  }

  /** As {@link #get}, for a call without a result. */
  static void run(String what, Runnable call) {
    get(what, () -> {
      call.run();
      return null;
    });
  }
}
