package io.nectar.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.nectar.http.RequestBody;
import java.util.regex.Pattern;

/** The fields of a dashboard form, read once per request (the gate may have read them for the token). */
final class Forms {
  /** A page of the dashboard to return to: a local path, never another site. */
  private static final Pattern LOCAL_PAGE = Pattern.compile("/dashboard(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%&=+-]*)?");

  private final JsonNode fields;

  private Forms(JsonNode fields) {
    this.fields = fields;
  }

  static Forms of(Context ctx) {
    return new Forms(RequestBody.of(ctx, DashboardGate.MAX_FORM_BYTES).fields());
  }

  /** A field trimmed; null when absent or sent more than once. */
  String text(String name) {
    JsonNode value = fields.get(name);
    return value != null && value.isTextual() ? value.asText().trim() : null;
  }

  /** As {@link #text}, with an empty string for a missing field (a form shown again keeps what was typed). */
  String textOrEmpty(String name) {
    String value = text(name);
    return value == null ? "" : value;
  }

  /** A field exactly as typed (a password: spaces count). */
  String exact(String name) {
    JsonNode value = fields.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  boolean checked(String name) {
    String value = text(name);
    return value != null && !value.isEmpty() && !value.equals("false");
  }

  /** {@code path} when it is a page of the dashboard, else the overview. */
  static String localPage(String path) {
    return path != null && LOCAL_PAGE.matcher(path).matches() && !path.contains("//") && !path.contains("..")
        ? path : "/dashboard";
  }
}
