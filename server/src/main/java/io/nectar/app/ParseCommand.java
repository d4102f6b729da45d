package io.nectar.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import io.nectar.config.Config;
import io.nectar.parsing.BillReader;
import io.nectar.parsing.Problem;
import io.nectar.parsing.Reading;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.score.BillScore;
import io.nectar.parsing.score.FieldScore;
import io.nectar.parsing.score.Scorer;
import io.nectar.parsing.score.Truth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./nectar parse}: runs the bill-reading engine on files, with no server or database, and prints what
 * it would extract; with truth files it prints field-by-field accuracy (for {@code bench/parse.sh}).
 */
@Command(name = "parse", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Read bill files (PDF, PNG, JPEG) as an upload would, without a server or database.")
public final class ParseCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Bill files, or folders of them.")
  List<Path> inputs;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Operator templates folder (default: NECTAR_TEMPLATES_DIR).")
  Path templates;

  @Option(names = "--generic-only", description = "Ignore templates: read every file the generic way.")
  boolean genericOnly;

  @Option(names = "--expect", description = "Score against <name>.json truth beside each file (done anyway "
      + "when the truth file is there); a file without truth is an error.")
  boolean expect;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> environment = new HashMap<>(System.getenv());
    if (templates != null) {
      environment.put("NECTAR_TEMPLATES_DIR", templates.toString());
    }
    Config.BillReading settings = Config.from(environment).billReading();
    BillReader reader = new BillReading(settings)
        .reader(genericOnly ? BillReading.Unmatched.GENERIC_ONLY : BillReading.Unmatched.GENERIC);
    ObjectNode report = JSON.createObjectNode();
    ArrayNode files = report.putArray("files");
    Totals sum = new Totals();
    // Files are read NECTAR_PARSE_PARALLEL_FILES at a time, as the server's upload jobs are, and reported in
    // the order given: one scan's Tesseract runs while the next file is decoded and deskewed.
    InputOrder.readAll(files(inputs), settings.parallelFiles(), file -> read(reader, file), (file, outcome) -> {
      ObjectNode entry = files.addObject();
      entry.put("file", file.toString());
      Reading reading = outcome.reading();
      if (reading != null) {
        describe(entry, reading);
      } else {
        entry.put("unreadable", outcome.unreadable().reason().name());
        entry.put("message", outcome.unreadable().getMessage());
        sum.failures++;
      }
      Optional<Truth> truth = Truth.beside(file);
      if (expect && truth.isEmpty()) {
        entry.put("error", "no truth file beside it");
        sum.failures++;
      }
      if (truth.isPresent()) {
        BillScore score = Scorer.score(file.toString(), truth.get(), reading == null ? null : reading.bill());
        entry.set("accuracy", accuracy(score));
        sum.exact += score.exact();
        sum.missing += score.missing();
        sum.wrong += score.wrong();
        sum.total += score.total();
      }
      if (!json) {
        human(out, entry);
      }
    });
    if (sum.total > 0) {
      ObjectNode totals = report.putObject("totals");
      totals.put("exact", sum.exact).put("missing", sum.missing).put("wrong", sum.wrong).put("fields", sum.total)
          .put("accuracy", (double) sum.exact / sum.total);
      if (!json) {
        out.printf("TOTAL %d/%d fields exact (%.1f%%), %d missing, %d wrong%n", sum.exact, sum.total,
            100.0 * sum.exact / sum.total, sum.missing, sum.wrong);
      }
    }
    if (json) {
      out.println(JSON.writeValueAsString(report));
    }
    out.flush();
    return sum.failures == 0 ? 0 : 1;
  }

  /** One file's reading, or why it could not be read. */
  private record Outcome(Reading reading, UnreadableFile unreadable) {}

  private static Outcome read(BillReader reader, Path file) throws IOException {
    try {
      return new Outcome(reader.read(file.getFileName().toString(), Files.readAllBytes(file)), null);
    } catch (UnreadableFile e) {
      return new Outcome(null, e);
    }
  }

  /** Field counts over all files, and how many files failed. */
  private static final class Totals {
    long exact;
    long missing;
    long wrong;
    long total;
    int failures;
  }

  private static void describe(ObjectNode entry, Reading reading) {
    entry.put("type", reading.type().name());
    entry.put("pages", reading.pages());
    entry.put("usedOcr", reading.usedOcr());
    entry.put("layout", reading.layout());
    entry.set("detection", JSON.valueToTree(reading.detection()));
    entry.set("bill", reading.bill() == null ? null : JSON.valueToTree(reading.bill()));
    ArrayNode problems = entry.putArray("problems");
    for (Problem p : reading.problems()) {
      problems.add(p.toString());
    }
  }

  private static ObjectNode accuracy(BillScore score) {
    ObjectNode a = JSON.createObjectNode();
    a.put("exact", score.exact()).put("missing", score.missing()).put("wrong", score.wrong())
        .put("fields", score.total());
    ArrayNode fields = a.putArray("byField");
    for (FieldScore f : score.fields()) {
      fields.addObject().put("field", f.field()).put("outcome", f.outcome().name()).put("expected", f.expected())
          .put("actual", f.actual());
    }
    return a;
  }

  private static void human(PrintWriter out, ObjectNode entry) throws IOException {
    out.println("== " + entry.get("file").asText());
    if (entry.has("unreadable")) {
      out.println("   unreadable: " + entry.get("message").asText());
    } else {
      out.println("   layout: " + entry.get("layout").asText() + "   detection: "
          + entry.get("detection").get("evidence").asText());
      if (entry.hasNonNull("bill")) {
        out.println(JSON.writeValueAsString(entry.get("bill")).indent(3).stripTrailing());
      }
      entry.get("problems").forEach(p -> out.println("   problem: " + p.asText()));
    }
    if (entry.has("accuracy")) {
      var a = entry.get("accuracy");
      out.printf("   accuracy: %d/%d exact, %d missing, %d wrong%n", a.get("exact").asLong(), a.get("fields").asLong(),
          a.get("missing").asLong(), a.get("wrong").asLong());
      a.get("byField").forEach(f -> {
        if (!"EXACT".equals(f.get("outcome").asText())) {
          out.println("     " + f.get("outcome").asText() + " " + f.get("field").asText() + ": expected "
              + f.get("expected").asText() + ", read " + f.get("actual").asText());
        }
      });
    }
  }

  /** The bill files named, folders expanded (PDF, PNG, JPEG), in name order. */
  static List<Path> files(List<Path> inputs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> list = Files.list(input)) {
          list.filter(p -> p.getFileName().toString().toLowerCase().matches(".*\\.(pdf|png|jpe?g)")).sorted()
              .forEach(out::add);
        }
      } else if (Files.isRegularFile(input)) {
        out.add(input);
      } else {
        throw new IllegalArgumentException("no such file or folder: " + input);
      }
    }
    return out;
  }
}
