package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void columnsAreAlignedFromTheFirstPageAndValuesAreShownAsTheJsonHasThem() throws Exception {
    StringWriter text = new StringWriter();
    Table table = new Table(new PrintWriter(text, true), List.of(Column.of("ID", "id"), Column.of("SITE", "site.name"),
        Column.joined("IDENTIFIERS", "identifiers", "value"), Column.of("USAGE", "usage")));

    table.print(List.of(row("{\"id\":\"u1\",\"site\":{\"name\":\"HQ\"},\"identifiers\":[{\"value\":\"E-1\"},"
        + "{\"value\":\"A-2\"}],\"usage\":\"56176.0040\"}")));
    table.print(List.of(row("{\"id\":\"u2\",\"site\":null,\"identifiers\":[],\"usage\":\"1\"}")));

    assertThat(text.toString().lines()).containsExactly(
        "ID  SITE  IDENTIFIERS  USAGE",
        "u1  HQ    E-1 A-2      56176.0040",
        "u2                     1");
  }

  @Test
  void aLongValueIsCutWithAnEllipsis() throws Exception {
    StringWriter text = new StringWriter();
    new Table(new PrintWriter(text, true), List.of(Column.of("NAME", "name"), Column.of("X", "x")))
        .print(List.of(row("{\"name\":\"" + "n".repeat(60) + "\",\"x\":\"1\"}")));
    assertThat(text.toString().lines().skip(1).findFirst().orElseThrow()).isEqualTo("n".repeat(39) + "…  1");
  }

  private static JsonNode row(String json) throws Exception {
    return JSON.readTree(json);
  }
}
