package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ParseCommandTest {
  private static final Path BILLS = Path.of("..", "..", "..", "shared", "data", "bills").toAbsolutePath().normalize();

  private static String run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.execute(args);
    return out.toString();
  }

  @Test
  void aFolderWithTruthPrintsAccuracyPerFileAndTotals() throws Exception {
    Path bills = Files.isDirectory(BILLS) ? BILLS : Path.of("..", "..", "shared", "data", "bills");
    Assumptions.assumeTrue(Files.isDirectory(bills), "real bills folder absent");
    JsonNode report = new ObjectMapper().readTree(run("parse", bills.toString(), "--json"));
    assertThat(report.get("files")).hasSize(9);
    for (JsonNode file : report.get("files")) {
      assertThat(file.get("accuracy").get("fields").asInt()).isPositive();
      assertThat(file.get("accuracy").get("byField")).isNotEmpty();
    }
    JsonNode totals = report.get("totals");
    assertThat(totals.get("fields").asLong()).isEqualTo(totals.get("exact").asLong() + totals.get("missing").asLong()
        + totals.get("wrong").asLong());
    assertThat(run("parse", bills.toString())).as("the human-readable report").contains("accuracy");
  }
}
