package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage rows as export lines, including rows the API sends without a meter or a site. */
class UsageExportTest {
  private static final String NO_METER = """
      {"id": "00000000-0000-0000-0000-0000000000a1", "startDate": "2024-01-01", "endDate": "2024-01-31",
       "usage": "12.50", "usageUnits": "kWh", "meter": null, "site": null, "identifiers": [],
       "datasourceType": "ELECTRICITY"}""";

  @Test
  void aRowWithoutAMeterOrASiteHasThoseFieldsEmptyInCsvAndNullInJsonLines() throws Exception {
    JsonNode usage = ApiCommand.json().readTree(NO_METER);

    String csv = export(UsageExport.Format.CSV, usage);
    String jsonl = export(UsageExport.Format.JSONL, usage);

    assertThat(csv).isEqualTo("00000000-0000-0000-0000-0000000000a1,,,,,,ELECTRICITY,2024-01-01,2024-01-31,12.50,kWh,"
        + ",,,,,\r\n");
    JsonNode line = ApiCommand.json().readTree(jsonl);
    assertThat(line.get("meterId").isNull()).isTrue();
    assertThat(line.get("siteId").isNull()).isTrue();
    assertThat(line.get("usage").asText()).isEqualTo("12.50");
  }

  private static String export(UsageExport.Format format, JsonNode usage) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    new UsageExport(out, format, UsageExport.lazy(List::of, List::of), ApiCommand.json()).write(usage);
    out.flush();
    return text.toString();
  }
}
