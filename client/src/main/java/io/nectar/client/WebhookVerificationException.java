package io.nectar.client;

/**
 * A webhook that must not be trusted: a header is missing or malformed, no signature matches any of
 * the secrets, or the timestamp lies outside the tolerance (a replay, or a clock far off). The message
 * says which, in words fit for a log line; it never contains the secret or the expected signature.
 *
 * <p>A receiver answers such a request with a 4xx status and does not act on the body.
 */
public final class WebhookVerificationException extends NectarException {
  private static final long serialVersionUID = 1L;

  WebhookVerificationException(String message) {
    super(message);
  }
}
