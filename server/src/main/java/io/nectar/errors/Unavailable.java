package io.nectar.errors;

/**
 * Something the request needs (today: the store of files) is out of reach for a while; the client may
 * try again. The client sees {@link #detail()}, a sentence without internals; the message, which may
 * name a setting or a host, is for the operator's log.
 *
 * <p>Not final: {@code storage.BlobStoreUnavailable} is one, so that a store outage reaching any
 * request path becomes a 503 without a catch in every route.
 */
public non-sealed class Unavailable extends DomainException {
  private final String detail;

  public Unavailable(String detail) {
    this(detail, detail, null);
  }

  /**
   * @param detail what the client sees
   * @param message what the operator's log says
   */
  protected Unavailable(String detail, String message, Throwable cause) {
    super(message, cause);
    this.detail = detail;
  }

  @Override
  public final String detail() {
    return detail;
  }
}
