package io.nectar.http;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Removes the method-override headers from every request before anything reads it. Javalin takes
 * {@code X-HTTP-Method-Override} as the request's method, even on GET, so a link or a proxy that
 * only lets GET through could delete a company. The method on the request line is the only one.
 * ({@code _method} in a query or a form is not read by anything, and stays so.)
 */
final class MethodOverrides implements HttpConfiguration.Customizer {
  static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    HttpFields headers = request.getHeaders();
    if (HEADERS.stream().noneMatch(headers::contains)) {
      return request;
    }
    HttpFields.Mutable kept = HttpFields.build(headers);
    HEADERS.forEach(kept::remove);
    HttpFields withoutOverrides = kept.asImmutable();
    return new Request.Wrapper(request) {
      @Override
      public HttpFields getHeaders() {
        return withoutOverrides;
      }
    };
  }
}
