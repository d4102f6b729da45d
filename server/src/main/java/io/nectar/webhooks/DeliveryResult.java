package io.nectar.webhooks;

/**
 * What one delivery attempt came to, as the delivery log records it.
 *
 * @param statusCode the receiver's HTTP status, or null when no response arrived
 * @param durationMillis from sending the request to the end of the response (or the failure)
 * @param responseExcerpt the start of the response body as text, possibly empty; null without a response
 * @param error a short sentence on what went wrong: why an attempt got no status (timeout, refused
 *     connection, refused target, TLS failure), or, next to a status, why the response body did not
 *     finish; null when a whole response arrived
 */
public record DeliveryResult(Integer statusCode, long durationMillis, String responseExcerpt, String error) {

  static DeliveryResult response(int statusCode, long durationMillis, String responseExcerpt) {
    return new DeliveryResult(statusCode, durationMillis, responseExcerpt, null);
  }

  static DeliveryResult failure(long durationMillis, String error) {
    return new DeliveryResult(null, durationMillis, null, error);
  }

  /**
   * True for a 2xx response only. Anything else fails, a redirect included: following one would
   * leave the endpoint the owner registered (and the address checks made for it).
   */
  public boolean succeeded() {
    return statusCode != null && statusCode >= 200 && statusCode <= 299;
  }
}
