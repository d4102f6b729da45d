package io.nectar.webhooks;

import io.nectar.http.Fields;
import io.nectar.http.Rfc3339;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

/** The writable fields of an endpoint as a request gave them; on PATCH an absent field keeps its value. */
record EndpointInput(Fields fields, String url, List<String> eventTypes, String description, Boolean isDisabled) {

  static EndpointInput read(Fields fields, Fields.Purpose purpose) {
    boolean creating = purpose == Fields.Purpose.CREATE;
    if (creating) {
      fields.require("url");
    }
    String url = fields.text("url", 2000, Fields.Empty.REFUSED);
    if (url != null) {
      TargetGuard.urlProblem(url).ifPresent(problem -> fields.reject("url", problem));
    }
    List<String> types = fields.textList("eventTypes", 20, 100);
    if (types != null) {
      for (String type : types) {
        if (!WebhookEventType.subscribable().contains(type)) {
          fields.reject("eventTypes", "\"" + type + "\" is not a valid choice. Valid choices: "
              + String.join(", ", WebhookEventType.subscribable()) + ".");
        }
      }
      types = List.copyOf(new LinkedHashSet<>(types));
    }
    String description = fields.text("description", 500, Fields.Empty.ALLOWED);
    Boolean disabled = creating ? null : fields.bool("isDisabled");
    EndpointInput input = new EndpointInput(fields, url, types, description, disabled);
    fields.finish();
    return input;
  }

  boolean given(String field) {
    return fields.has(field);
  }

  /** {@code since}: an instant with its offset ({@code 2026-11-01T08:00:00Z}) or a date (its start, UTC). */
  static Instant recoverSince(Fields fields) {
    fields.require("since");
    String raw = fields.text("since", 64, Fields.Empty.REFUSED);
    Instant since = null;
    if (raw != null) {
      try {
        since = raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Rfc3339.instant(raw);
      } catch (DateTimeParseException e) {
        fields.reject("since", "Use a date (2026-11-01) or a time with its offset (2026-11-01T08:00:00Z).");
      }
    }
    fields.finish();
    return since;
  }
}
