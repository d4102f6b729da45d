package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import org.junit.jupiter.api.Test;

class EventDiffTest {

  private static ObjectNode parse(String json) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(json);
  }

  @Test
  void changedFieldsAreNamedWithTheirPreviousValues() throws Exception {
    EventDiff diff = EventDiff.between(
        parse("{\"status\": \"CONNECTED\", \"accounts\": [{\"id\": \"a\", \"isTracked\": true}], \"name\": \"x\"}"),
        parse("{\"status\": \"ERROR\", \"accounts\": [{\"id\": \"a\", \"isTracked\": false}], \"name\": \"x\", "
            + "\"added\": 1}"));

    assertThat(diff.changedFields()).containsExactly("status", "accounts", "added");
    assertThat(diff.old().get("status").asText()).isEqualTo("CONNECTED");
    assertThat(diff.old().get("accounts").get(0).get("isTracked").asBoolean()).isTrue();
    assertThat(diff.old().get("added").isNull()).isTrue();
  }

  @Test
  void timestampsAndSignedLinksAloneAreNoChangeAtAnyDepth() throws Exception {
    EventDiff diff = EventDiff.between(
        parse("{\"updated\": \"2026-01-01T00:00:00Z\", \"url\": \"https://x/?signature=a\", "
            + "\"usageData\": [{\"updated\": \"2026-01-01T00:00:00Z\", \"usage\": \"1.0\"}]}"),
        parse("{\"updated\": \"2026-02-01T00:00:00Z\", \"url\": \"https://x/?signature=b\", "
            + "\"usageData\": [{\"updated\": \"2026-02-01T00:00:00Z\", \"usage\": \"1.0\"}]}"));

    assertThat(diff.isEmpty()).isTrue();
  }

  @Test
  void theBodyCarriesTheEventTypeAndNaiveTimestampsAsNectarSendsThem() throws Exception {
    String payload = Outbox.payload(WebhookEventType.DOCUMENT_CREATED, parse(
        "{\"created\": \"2026-11-27T09:37:30.788197Z\", \"billDate\": \"2026-11-01\", \"note\": \"ends in Z\", "
            + "\"usageData\": [{\"updated\": \"2026-11-27T09:37:30Z\"}]}"));

    assertThat(payload).isEqualTo("{\"created\":\"2026-11-27T09:37:30.788197\",\"billDate\":\"2026-11-01\","
        + "\"note\":\"ends in Z\",\"usageData\":[{\"updated\":\"2026-11-27T09:37:30\"}],"
        + "\"eventType\":\"document.created.v2\"}");
  }
}
