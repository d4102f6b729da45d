package io.nectar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.cli.UploadManifest.State;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** What became of each file of an upload, for the summary and the exit code. */
final class UploadSummary {
  /** One file's line: its name, its job (null if never accepted) and what to say about it. */
  record Line(State state, String file, String job, String detail) {}

  private final int found;
  private final List<String> skipped;
  private final List<Line> lines = Collections.synchronizedList(new ArrayList<>());
  private int sent;

  UploadSummary(int found, List<String> skipped) {
    this.found = found;
    this.skipped = List.copyOf(skipped);
  }

  void add(Line line) {
    lines.add(line);
  }

  void sent(int sent) {
    this.sent = sent;
  }

  List<Line> lines(State state) {
    synchronized (lines) {
      return lines.stream().filter(l -> l.state() == state).sorted(Comparator.comparing(Line::file)).toList();
    }
  }

  /** 1 when a file failed or is still pending, else 0 (duplicates and "not a bill" are outcomes, not failures). */
  int exitCode() {
    return lines(State.FAILED).isEmpty() && lines(State.PENDING).isEmpty() ? ExitCode.OK : ExitCode.API_ERROR;
  }

  void print(PrintWriter out, NectarCli.Format format, ObjectMapper json) {
    if (format == NectarCli.Format.JSON) {
      ObjectNode root = json.createObjectNode().put("files", found).put("uploaded", sent);
      ArrayNode skippedNames = root.putArray("skipped");
      skipped.forEach(skippedNames::add);
      for (State state : State.values()) {
        ArrayNode entries = root.putArray(jsonName(state));
        for (Line line : lines(state)) {
          entries.addObject().put("file", line.file()).put("job", line.job()).put("detail", line.detail());
        }
      }
      out.println(root);
      return;
    }
    out.printf("%d file%s found: %d uploaded, %d skipped (sent before, or a copy of another file)%n", found, found == 1 ? "" : "s", sent,
        skipped.size());
    for (State state : State.values()) {
      List<Line> entries = lines(state);
      if (entries.isEmpty() && state == State.PENDING) {
        continue;
      }
      out.printf("%-14s %d%n", title(state), entries.size());
      for (Line line : entries) {
        out.println("  " + line.file() + (line.detail() == null || line.detail().isEmpty() ? "" : "  " + line.detail()));
      }
    }
  }

  private static String title(State state) {
    return switch (state) {
      case PARSED -> "Parsed";
      case DUPLICATE -> "Duplicates";
      case NOT_A_BILL -> "Not bills";
      case FAILED -> "Failed";
      case PENDING -> "Still pending";
    };
  }

  private static String jsonName(State state) {
    return switch (state) {
      case PARSED -> "parsed";
      case DUPLICATE -> "duplicates";
      case NOT_A_BILL -> "notBills";
      case FAILED -> "failed";
      case PENDING -> "pending";
    };
  }
}
