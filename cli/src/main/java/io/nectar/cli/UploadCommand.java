package io.nectar.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code upload DIR --company ID}: every bill file of a folder, then the jobs' outcomes. */
@Command(name = "upload", description = {
    "Upload every bill in a folder, wait for them to be read, and print what became of each.",
    "Takes every PDF, PNG and JPEG under the folder (subfolders included, hidden ones not), at most 10 at a time;",
    "outcomes: parsed, duplicate, not a bill or failed.",
    "Files sent before to the same company (the same bytes) are skipped; files whose job failed are sent again."})
final class UploadCommand extends ApiCommand {
  @Parameters(paramLabel = "DIR", description = "The folder of bills")
  Path folder;

  @Option(names = "--company", required = true, paramLabel = "ID", description = "The company the bills belong to")
  String company;

  @Option(names = "--site", paramLabel = "ID",
      description = "The site the bills belong to (default: the server matches each bill by its service address)")
  String site;

  @Option(names = "--concurrency", defaultValue = "10", paramLabel = "N",
      description = "Uploads in flight at once, 1 to 10 (default ${DEFAULT-VALUE})")
  int concurrency;

  @Option(names = "--timeout", defaultValue = "PT30M", paramLabel = "DURATION",
      description = "How long to wait for the jobs, ISO-8601 (default 30 minutes; PT0S: do not wait)")
  Duration timeout;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Where uploaded files are remembered (env NECTAR_STATE_DIR, default $XDG_STATE_HOME/nectar or "
          + "~/.local/state/nectar)")
  Path stateDir;

  @Override
  public Integer call() throws Exception {
    if (concurrency < 1 || concurrency > Uploader.MAX_IN_FLIGHT) {
      throw new UsageException("--concurrency must be between 1 and " + Uploader.MAX_IN_FLIGHT);
    }
    if (timeout.isNegative()) {
      throw new UsageException("--timeout must not be negative");
    }
    UUID companyId = Ids.parse("--company", company);
    UUID siteId = site == null ? null : Ids.parse("--site", site);
    var files = BillFolder.list(folder);
    Path state = stateDir != null ? stateDir : context().defaultStateDir();
    var nectar = client(); // before the manifest, so that a missing key leaves no state behind
    try (UploadManifest manifest = UploadManifest.open(state, root().baseUrl(), company)) {
      UploadSummary summary = new Uploader(nectar, context(), manifest, concurrency).run(files, companyId, siteId, timeout);
      summary.print(context().out(), format(), json());
      return summary.exitCode();
    }
  }
}
