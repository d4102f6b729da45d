package io.nectar.client;

/**
 * No HTTP answer arrived: the connection was refused or reset, the host is unknown, or the
 * request timed out. Kept apart from {@link ApiException} because the server may never have seen
 * the request (or may have processed it without answering), which a caller handles differently
 * from a refusal; the command-line client maps it to its own exit code.
 */
public final class NetworkException extends NectarException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
