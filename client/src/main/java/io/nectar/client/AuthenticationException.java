package io.nectar.client;

import java.util.List;
import java.util.Map;

/**
 * HTTP 401: the key is missing, unknown, expired or revoked; retrying with the same key cannot help.
 */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(int status, String detail, Map<String, List<String>> fieldErrors, String requestId) {
    super(status, detail, fieldErrors, requestId);
  }
}
