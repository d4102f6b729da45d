package io.nectar.client;

import java.util.List;
import java.util.Map;

/**
 * HTTP 404: no such object, or an id that is not well formed.
 */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(int status, String detail, Map<String, List<String>> fieldErrors, String requestId) {
    super(status, detail, fieldErrors, requestId);
  }
}
