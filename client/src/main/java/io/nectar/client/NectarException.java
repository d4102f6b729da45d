package io.nectar.client;

/**
 * The root of every failure the SDK throws, so a caller can catch one type around any call.
 * Unchecked, as in stripe-java and OkHttp's newer APIs: most callers cannot recover from a failed
 * call in place, and checked exceptions would force a catch at every line of a sync loop.
 */
public class NectarException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NectarException(String message) {
    super(message);
  }

  public NectarException(String message, Throwable cause) {
    super(message, cause);
  }
}
