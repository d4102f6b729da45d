package io.nectar.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.client.ApiException;
import io.nectar.client.AuthenticationException;
import io.nectar.client.ConflictException;
import io.nectar.client.InvalidRequestException;
import io.nectar.client.NotFoundException;
import io.nectar.client.PermissionException;
import io.nectar.client.RateLimitException;
import io.nectar.client.ServerException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an error answer into the typed exception for its status, in one place. The body is read
 * leniently: this server sends {@code {"detail", "errors"}}, Nectar's Django backend may send
 * field lists without a {@code detail}, and a proxy may send HTML; none of these may hide the
 * status. Not part of the public API.
 */
public final class Errors {
  private Errors() {
  }

  public static ApiException from(ApiResponse response, Clock clock) {
    String detail = null;
    Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
    JsonNode body = parse(response.body());
    if (body != null && body.isObject()) {
      JsonNode detailNode = body.get("detail");
      if (detailNode != null && detailNode.isValueNode()) {
        detail = detailNode.asText();
      }
      JsonNode errors = body.get("errors");
      if (errors != null && errors.isObject()) {
        collect(errors, fieldErrors);
      } else if (detailNode == null) {
        collect(body, fieldErrors); // Django REST framework style: {"field": ["message"]}
      }
    } else if (body != null && body.isTextual()) {
      detail = body.asText();
    }
    if (detail == null) {
      detail = fieldErrors.isEmpty() && response.body().length > 0
          ? "Unexpected error body: " + Json.snippet(response.body())
          : fieldErrors.isEmpty() ? "" : "Invalid request.";
    }
    String requestId = response.requestId();
    int status = response.status();
    return switch (status) {
      case 400, 422 -> new InvalidRequestException(status, detail, fieldErrors, requestId);
      case 401 -> new AuthenticationException(status, detail, fieldErrors, requestId);
      case 403 -> new PermissionException(status, detail, fieldErrors, requestId);
      case 404 -> new NotFoundException(status, detail, fieldErrors, requestId);
      case 409 -> new ConflictException(status, detail, fieldErrors, requestId);
      case 429 -> new RateLimitException(detail, fieldErrors, requestId,
          RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock).orElse(null));
      default -> status >= 500
          ? new ServerException(status, detail, fieldErrors, requestId)
          : new ApiException(status, detail, fieldErrors, requestId);
    };
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static void collect(JsonNode object, Map<String, List<String>> into) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      List<String> messages = new ArrayList<>();
      JsonNode value = field.getValue();
      if (value.isArray()) {
        value.forEach(item -> messages.add(item.isValueNode() ? item.asText() : item.toString()));
      } else {
        messages.add(value.isValueNode() ? value.asText() : value.toString());
      }
      into.put(field.getKey(), List.copyOf(messages));
    }
  }

  static Duration clampToZero(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
