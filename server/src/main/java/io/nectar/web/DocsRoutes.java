package io.nectar.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.config.RoutesConfig;
import io.nectar.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the hand-written OpenAPI 3.1 description of the API (kept as YAML in
 * the sources for readability, served as JSON), and {@code GET /docs}: a browsable reference of it.
 */
public final class DocsRoutes {
  public static final String SPEC_RESOURCE = "/openapi.yaml";
  private static final String SWAGGER_UI = "/webjars/swagger-ui/5.34.1";

  private final byte[] specJson;

  public DocsRoutes() {
    try {
      this.specJson = Json.MAPPER.writeValueAsBytes(loadSpec());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OpenAPI document as a JSON tree. */
  public static JsonNode loadSpec() {
    try (InputStream in = DocsRoutes.class.getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + SPEC_RESOURCE + " on the classpath");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void register(RoutesConfig routes) {
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(specJson));
    routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(PAGE));
  }

  private static final String PAGE = """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Nectar-compatible API reference</title>
        <link rel="stylesheet" href="%1$s/swagger-ui.css">
      </head>
      <body>
        <div id="reference"></div>
        <script src="%1$s/swagger-ui-bundle.js"></script>
        <script>
          window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true,
                                        tryItOutEnabled: false, persistAuthorization: true });
        </script>
      </body>
      </html>
      """.formatted(SWAGGER_UI);
}
