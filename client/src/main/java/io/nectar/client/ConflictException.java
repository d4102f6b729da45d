package io.nectar.client;

import java.util.List;
import java.util.Map;

/**
 * HTTP 409: typically an {@code Idempotency-Key} reused with a different body, or a state the operation does not allow.
 */
public final class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(int status, String detail, Map<String, List<String>> fieldErrors, String requestId) {
    super(status, detail, fieldErrors, requestId);
  }
}
