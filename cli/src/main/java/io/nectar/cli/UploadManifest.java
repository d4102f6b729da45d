package io.nectar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What `upload` sent to one company of one server, so that a second run skips it. One file per
 * (server, company) under {@code STATE_DIR/uploads/}, one JSON line per event, appended as it happens
 * (an interrupted run loses nothing it had already sent): the file's SHA-256, its name, the job and
 * what became of it. The last line for a hash wins.
 *
 * <p>A file is recognised by its bytes, not its name: a renamed copy is skipped, a changed file is
 * sent again. What is skipped: files that became a document, a duplicate or "not a bill", and jobs
 * still pending when the last run stopped waiting (they are polled again, not re-sent). What is sent
 * again: files whose job failed or terminated, and files the server never accepted.
 */
final class UploadManifest implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What became of a file, as the manifest keeps it (by name) and the summary prints it (in this order). */
  enum State {
    PARSED,
    DUPLICATE,
    NOT_A_BILL,
    FAILED,
    /** Sent; its job had not finished when the run stopped waiting. */
    PENDING;

    /** Whether a later run sends the file again. */
    boolean sendAgain() {
      return this == FAILED;
    }
  }

  /** The last thing known about one file. */
  record Entry(String sha256, String name, String jobId, State state) {}

  private final Path file;
  private final Map<String, Entry> entries;
  private BufferedWriter writer;

  private UploadManifest(Path file, Map<String, Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** Opens (or starts) the manifest of {@code company} on the server at {@code baseUrl}. */
  static UploadManifest open(Path stateDir, String baseUrl, String company) {
    String server = serverOf(baseUrl);
    Path file = stateDir.resolve("uploads").resolve(sha256(server + "\n" + company).substring(0, 32) + ".jsonl");
    Map<String, Entry> entries = new HashMap<>();
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          readLine(line).ifPresent(e -> entries.put(e.sha256(), e));
        }
      } else {
        Files.createDirectories(file.getParent());
        ObjectNode header = JSON.createObjectNode().put("server", server).put("company", company);
        Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UsageException("cannot use the state folder " + stateDir + " (set --state-dir or NECTAR_STATE_DIR): "
          + e.getMessage());
    }
    return new UploadManifest(file, entries);
  }

  /**
   * The server a base URL names, without its version prefix: `/v2` and `/v2.2` of one server hold
   * the same companies, so they share a manifest.
   */
  static String serverOf(String baseUrl) {
    String url = baseUrl.replaceAll("/+$", "");
    return url.replaceAll("/v2(\\.\\d+)?$", "");
  }

  Path file() {
    return file;
  }

  synchronized Optional<Entry> find(String sha256) {
    return Optional.ofNullable(entries.get(sha256));
  }

  /** Records what is now known about a file (appended at once). */
  synchronized void record(Entry entry) {
    entries.put(entry.sha256(), entry);
    ObjectNode line = JSON.createObjectNode().put("sha256", entry.sha256()).put("name", entry.name())
        .put("job", entry.jobId()).put("state", entry.state().name());
    try {
      if (writer == null) {
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
      writer.write(line + "\n");
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Optional<Entry> readLine(String line) {
    if (line.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(line);
      if (!json.hasNonNull("sha256")) {
        return Optional.empty();
      }
      State state = State.valueOf(json.path("state").asText());
      return Optional.of(new Entry(json.path("sha256").asText(), json.path("name").asText(),
          json.path("job").isNull() ? null : json.path("job").asText(), state));
    } catch (IOException | IllegalArgumentException e) {
      // A line cut short by a crash, or written by a newer version: the file is simply sent again.
      return Optional.empty();
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
