package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.keys.Environment;
import io.nectar.jobs.TestBills;
import io.nectar.meters.DatasourceType;
import io.nectar.testing.Response;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nectar api} against a real server that reads bills: a folder of generated bills uploaded and
 * uploaded again (the second run sends nothing), a usage export whose rows are exactly the API's, and
 * the exit codes and one-line errors a script sees.
 */
class ApiCommandEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static TestServer server;
  static String key;

  @TempDir
  Path state;

  @BeforeAll
  static void start() {
    server = TestServer.readingBills();
    key = server.tenant("CLI Org", Environment.SANDBOX).key();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aFolderOfBillsIsUploadedAndSummarisedAndASecondRunSendsNothing(@TempDir Path bills) throws Exception {
    String company = create("/v2.2/company", "{\"name\": \"Upload Co\"}");
    List<String> names = new ArrayList<>();
    int month = 0;
    for (DatasourceType type : List.of(DatasourceType.ELECTRICITY, DatasourceType.GAS, DatasourceType.WATER)) {
      String name = (month == 0 ? "2024/" : "") + type.name().toLowerCase() + ".PDF";
      write(bills.resolve(name), TestBills.sandbox(type, month++).pdf());
      names.add(name);
    }
    write(bills.resolve("letter.pdf"), TestBills.letter("cli upload"));
    Files.copy(bills.resolve("gas.PDF"), bills.resolve("z-copy-of-gas.pdf"));
    write(bills.resolve("notes.txt"), "not a bill".getBytes(StandardCharsets.UTF_8));

    Run first = cli("upload", bills.toString(), "--company", company, "--json");

    assertThat(first.code()).as(first.err()).isZero();
    JsonNode summary = JSON.readTree(first.out());
    assertThat(summary.path("files").asInt()).isEqualTo(5);
    assertThat(summary.path("uploaded").asInt()).isEqualTo(4);
    assertThat(texts(summary.path("skipped"), null)).containsExactly("z-copy-of-gas.pdf");
    assertThat(texts(summary.path("parsed"), "file")).containsExactlyInAnyOrderElementsOf(names);
    assertThat(texts(summary.path("notBills"), "file")).containsExactly("letter.pdf");
    assertThat(summary.path("failed")).isEmpty();
    int jobsAfterFirst = jobCount(company);
    assertThat(jobsAfterFirst).isEqualTo(4);
    Response documents = server.get("/v2.2/document/company/" + company, key);
    assertThat(documents.json().path("totalDocuments").asInt()).isEqualTo(3);

    Run second = cli("upload", bills.toString(), "--company", company);

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).startsWith("5 files found: 0 uploaded, 5 skipped");
    assertThat(jobCount(company)).as("the second run sent nothing").isEqualTo(jobsAfterFirst);

    // A changed file is a new file: it is sent (and this one is the same bill again, so a duplicate).
    byte[] changed = TestBills.sandbox(DatasourceType.FUEL, 4).pdf();
    write(bills.resolve("letter.pdf"), changed);
    Run third = cli("upload", bills.toString(), "--company", company, "--json");
    JsonNode thirdSummary = JSON.readTree(third.out());
    assertThat(thirdSummary.path("uploaded").asInt()).as(third.out()).isEqualTo(1);
    assertThat(texts(thirdSummary.path("parsed"), "file")).containsExactly("letter.pdf");
    assertThat(jobCount(company)).isEqualTo(jobsAfterFirst + 1);
  }

  @Test
  void usageExportsToCsvWithOneRowPerRecordOfTheApiAndTheirDecimalsAsGiven() throws Exception {
    SandboxCompany company = SandboxCompany.create(server, key, "Export Co");
    JsonNode firstPage = server.get("/v2.2/usage/company/" + company.companyId(), key).json();
    int total = firstPage.path("totalUsageData").asInt();
    assertThat(total).as("more than one page").isGreaterThan(100);

    Run run = cli("export", "usage", "--company", company.companyId(), "--format", "csv");

    assertThat(run.code()).as(run.err()).isZero();
    List<List<String>> rows = CsvReader.read(run.out());
    assertThat(rows.get(0)).containsExactlyElementsOf(UsageExport.COLUMNS);
    assertThat(rows).hasSize(total + 1);
    assertThat(rows.stream().skip(1).map(r -> r.get(0)).distinct().count()).as("each record once").isEqualTo(total);
    assertThat(run.err()).contains("Exported " + total + " usage rows.");
    Map<String, List<String>> byId = new HashMap<>();
    rows.stream().skip(1).forEach(r -> byId.put(r.get(0), r));
    for (JsonNode usage : firstPage.path("usageData")) {
      List<String> row = byId.get(usage.path("id").asText());
      assertThat(row).as(usage.path("id").asText()).isNotNull();
      assertThat(row.get(UsageExport.COLUMNS.indexOf("usage"))).isEqualTo(usage.path("usage").asText());
      assertThat(row.get(UsageExport.COLUMNS.indexOf("siteId"))).isEqualTo(company.siteId());
      assertThat(row.get(UsageExport.COLUMNS.indexOf("meterIdentifier")))
          .isEqualTo(usage.path("identifiers").get(0).path("value").asText());
    }

    Run filtered = cli("export", "usage", "--company", company.companyId(), "--format", "jsonl", "--type", "GAS");
    int gas = server.get("/v2.2/usage/company/" + company.companyId() + "?datasourceType=GAS", key).json()
        .path("totalUsageData").asInt();
    assertThat(filtered.out().lines().count()).isEqualTo(gas).isPositive();
    assertThat(filtered.out().lines().map(l -> readTree(l).path("datasourceType").asText()).distinct())
        .containsExactly("GAS");
  }

  @Test
  void aWrongKeyBadArgumentsAndAnUnknownObjectGiveOneLineAndTheDocumentedCodes() {
    Run wrongKey = CliRunner.run(Map.of("NECTAR_URL", server.baseUrl() + "/v2.2", "NECTAR_API_KEY", "nk_test_wrong",
        "NECTAR_STATE_DIR", state.toString()), "list", "company");
    Run badArgs = cli("export", "usage", "--company", UUID.randomUUID().toString(), "--format", "xlsx");
    Run missing = cli("upload", "--company", UUID.randomUUID().toString());
    Run notFound = cli("get", "company", UUID.randomUUID().toString());

    assertThat(wrongKey.code()).isEqualTo(1);
    assertThat(wrongKey.err()).matches("nectar api: 401 Invalid API key\\. \\(request id [^)]+\\)\\n");
    assertThat(badArgs.code()).isEqualTo(2);
    assertThat(badArgs.err()).isEqualTo("nectar api: --format must be csv or jsonl, not xlsx\n");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().lines()).hasSize(1);
    assertThat(notFound.code()).isEqualTo(1);
    assertThat(notFound.err()).startsWith("nectar api: 404 ").contains("(request id ");
    assertThat(notFound.err().lines()).hasSize(1);
  }

  private Run cli(String... args) {
    return CliRunner.run(Map.of("NECTAR_URL", server.baseUrl() + "/v2.2", "NECTAR_API_KEY", key,
        "NECTAR_STATE_DIR", state.toString()), args);
  }

  private static String create(String path, String json) {
    Response created = server.postJson(path, key, json);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private static int jobCount(String company) {
    return server.get("/v2.2/job/company/" + company, key).json().path("totalJobs").asInt();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(e -> texts.add(field == null ? e.asText() : e.path(field).asText()));
    return texts;
  }

  private static JsonNode readTree(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }

  private static void write(Path path, byte[] bytes) throws Exception {
    Files.createDirectories(path.getParent());
    Files.write(path, bytes);
  }

  /** One run's exit code, stdout and stderr. */
  record Run(int code, String out, String err) {}

  /** Runs {@code nectar api} in this JVM with the given environment. */
  static final class CliRunner {
    static Run run(Map<String, String> environment, String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringWriter err = new StringWriter();
      int code = NectarCli.run(Context.builder().environment(environment).stdout(out)
          .err(new PrintWriter(err, true)).build(), args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }
  }

  /** Reads RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
  static final class CsvReader {
    static List<List<String>> read(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          i++;
        } else {
          field.append(c);
        }
      }
      return rows;
    }
  }
}
