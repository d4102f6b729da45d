package io.nectar.client;

import java.util.List;
import java.util.Map;

/**
 * HTTP 403: the object exists but belongs to another organization or environment (a sandbox key reading production data, for example).
 */
public final class PermissionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PermissionException(int status, String detail, Map<String, List<String>> fieldErrors, String requestId) {
    super(status, detail, fieldErrors, requestId);
  }
}
