package io.nectar.cli;

import io.nectar.client.ApiException;
import io.nectar.client.NectarException;
import io.nectar.client.NetworkException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** A failure as one line for a person and an exit code for a script. */
record Failure(String message, int exitCode) {

  static Failure of(Throwable e) {
    if (e instanceof UsageException) {
      return new Failure(e.getMessage(), ExitCode.USAGE);
    }
    if (e instanceof ApiException api) {
      return new Failure(describe(api), ExitCode.API_ERROR);
    }
    if (e instanceof NetworkException) {
      return new Failure("network error: " + oneLine(e.getMessage()), ExitCode.NETWORK);
    }
    if (e instanceof NectarException) { // a body that is not what the API sends (MalformedResponseException)
      return new Failure(oneLine(e.getMessage()), ExitCode.API_ERROR);
    }
    if (e instanceof UncheckedIOException io) {
      return new Failure(oneLine(io.getMessage()), ExitCode.API_ERROR);
    }
    // Not a failure anyone planned for: still one line, with the type, so it can be reported.
    return new Failure("unexpected error: " + oneLine(e.toString()), ExitCode.API_ERROR);
  }

  /**
   * For example {@code 404 Not found: No company has this id. (request id 0190f3a2-...)}; the field
   * messages follow the detail when the detail does not already carry them all.
   */
  static String describe(ApiException e) {
    StringBuilder line = new StringBuilder().append(e.status());
    if (!e.detail().isEmpty()) {
      line.append(' ').append(e.detail());
    }
    Map<String, List<String>> fields = e.fieldErrors();
    if (!fields.isEmpty()) {
      StringBuilder all = new StringBuilder();
      fields.forEach((field, messages) -> messages.forEach(m -> all.append(all.length() == 0 ? "" : "; ")
          .append(field).append(": ").append(m)));
      if (!e.detail().contains(all)) {
        line.append(" [").append(all).append(']');
      }
    }
    e.requestId().ifPresent(id -> line.append(" (request id ").append(id).append(')'));
    return oneLine(line.toString());
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
