package io.nectar.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page for requests it refuses before they reach a route (an encoded NUL in the path,
 * an oversized header): the same {@code {"detail": …}} JSON and {@code X-Request-Id} as every other
 * error, whatever the method, instead of Jetty's HTML or an empty body.
 */
final class JsonErrorHandler extends ErrorHandler {

  /** Jetty writes an error body only for GET, POST and HEAD; every method gets the JSON here. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put("X-Request-Id", UUID.randomUUID().toString());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put("X-Request-Id", UUID.randomUUID().toString());
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int status, String message) {
    String reason = HttpStatus.getMessage(status);
    String detail = message == null || message.isBlank() || message.equals(reason)
        ? reason + "." : reason + ": " + message + ".";
    try {
      return Json.MAPPER.writeValueAsBytes(Json.detail(detail));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
