package io.nectar.client;

import java.util.List;
import java.util.Map;

/**
 * HTTP 5xx: the server failed; the SDK has already retried the statuses that are safe to retry before throwing this.
 */
public final class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerException(int status, String detail, Map<String, List<String>> fieldErrors, String requestId) {
    super(status, detail, fieldErrors, requestId);
  }
}
