package io.nectar.client;

import java.util.List;
import java.util.Map;

/**
 * HTTP 400 or 422: the body or a query parameter was refused; {@link #fieldErrors()} says which fields and why.
 */
public final class InvalidRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(int status, String detail, Map<String, List<String>> fieldErrors, String requestId) {
    super(status, detail, fieldErrors, requestId);
  }
}
