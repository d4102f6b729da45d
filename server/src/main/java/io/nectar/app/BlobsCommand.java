package io.nectar.app;

import io.nectar.config.BlobSettings;
import io.nectar.config.Config;
import io.nectar.storage.BlobMigration;
import io.nectar.storage.BlobStore;
import io.nectar.storage.BlobStoreUnavailable;
import io.nectar.storage.BlobStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nectar blobs}: the stored files (bills, uploads, generated PDFs) as a whole. */
@Command(name = "blobs", description = "Manage the stored files.", subcommands = BlobsCommand.Migrate.class)
final class BlobsCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * {@code nectar blobs migrate --to s3://bucket/prefix [--from file:///…]}: copies every stored file to
   * another store (see {@link BlobMigration}); progress on stderr, a summary and what to do next on
   * stdout; exit code 0 when every file is at the target and verified, 1 otherwise.
   */
  @Command(name = "migrate", description = "Copy every stored file to another store, e.g. an S3 bucket, "
      + "verifying each by SHA-256. Resumable: files already at the target are skipped. Nothing is deleted. "
      + "S3 settings (AWS_REGION, AWS_ENDPOINT_URL_S3, credentials, NECTAR_S3_PATH_STYLE) come from the "
      + "environment, as for the server.")
  static final class Migrate extends Main.Settings implements Callable<Integer> {
    @Option(names = "--to", required = true, description = "Target store: s3://bucket[/prefix] or file:///path")
    String to;

    @Option(names = "--from", description = "Source store (default: the configured one, NECTAR_BLOB_URL or "
        + "<data dir>/blobs)")
    String from;

    @Option(names = "--parallel", defaultValue = "4", description = "Files copied at a time (default 4)")
    int parallel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Map<String, String> settings = settings(Map.of());
      Config config = Config.from(settings);
      Path dataDir = config.dataDir();
      BlobSettings source = from == null ? config.blobs() : BlobSettings.of(from, settings);
      BlobSettings target = BlobSettings.of(to, settings);
      String sourceName = BlobStores.describe(source, dataDir);
      String targetName = BlobStores.describe(target, dataDir);
      if (sourceName.equals(targetName)) {
        throw new IllegalArgumentException("--to names the store the files are already in (" + sourceName + ")");
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      BlobStore sourceStore = null;
      BlobStore targetStore = null;
      try {
        sourceStore = open("source", source, dataDir);
        targetStore = open("target (--to)", target, dataDir);
        err.println("Copying the files of " + sourceName + " to " + targetName + "…");
        err.flush();
        ProgressLines progress = new ProgressLines(err);
        BlobMigration.Tally tally = new BlobMigration(sourceStore, targetStore, parallel).run(progress);
        progress.last(tally);
        summary(out, tally, sourceName, source, target, dataDir);
        return tally.complete() ? 0 : 1;
      } catch (Unusable e) {
        err.println("nectar: " + e.getMessage());
        return 1;
      } finally {
        closeQuietly(sourceStore);
        closeQuietly(targetStore);
      }
    }

    private static BlobStore open(String role, BlobSettings settings, Path dataDir) {
      BlobStore store = BlobStores.open(settings, dataDir);
      try {
        store.check();
      } catch (BlobStoreUnavailable e) {
        closeQuietly(store);
        throw new Unusable("the " + role + " " + BlobStores.describe(settings, dataDir) + " cannot be used: "
            + e.getMessage(), e);
      }
      return store;
    }

    /** A store that failed its check: one line for the operator, exit code 1. */
    private static final class Unusable extends RuntimeException {
      Unusable(String message, Throwable cause) {
        super(message, cause);
      }
    }

    private static void summary(PrintWriter out, BlobMigration.Tally tally, String sourceName, BlobSettings source,
        BlobSettings target, Path dataDir) {
      out.printf(Locale.ROOT, "%s → %s: %d files, %d copied (%s), %d already there, %d failed.%n", sourceName,
          BlobStores.describe(target, dataDir), tally.done(), tally.copied(), ProgressLines.size(tally.bytesCopied()),
          tally.alreadyThere(), tally.failed());
      if (!tally.complete()) {
        out.println("Some files were not copied (see above). Run the same command again: it copies only what is "
            + "missing. Keep NECTAR_BLOB_URL as it is until a run ends with 0 failed.");
        out.flush();
        return;
      }
      String targetUrl = target instanceof BlobSettings.S3 s3 ? s3.url() : "file://" + targetFolder(target, dataDir);
      String sourceUrl = source instanceof BlobSettings.S3 s3 ? s3.url() : "file://" + targetFolder(source, dataDir);
      out.println("Every file is at the target, verified by SHA-256. To switch, on every server set");
      out.println("  NECTAR_BLOB_URL=" + targetUrl);
      if (target instanceof BlobSettings.S3) {
        out.println("with the same AWS_* and NECTAR_S3_PATH_STYLE settings this command used, and restart.");
      } else {
        out.println("and restart.");
      }
      out.println("Then copy the files written before the restart (the ones already copied are skipped):");
      out.println("  ./nectar blobs migrate --from " + sourceUrl + " --to " + targetUrl);
      out.println("Nothing was deleted: remove " + sourceName + " once the servers run on the new store.");
      out.flush();
    }

    private static Path targetFolder(BlobSettings settings, Path dataDir) {
      return ((BlobSettings.LocalFolder) settings).resolve(dataDir).toAbsolutePath();
    }

    private static void closeQuietly(BlobStore store) {
      if (store instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception ignored) {
          // the run's own outcome is what the operator needs
        }
      }
    }
  }

  /** Progress on stderr: each failure at once, the counts at most once a second and at the end. */
  static final class ProgressLines implements BlobMigration.Progress {
    private final PrintWriter err;
    private long lastPrinted = System.nanoTime();

    ProgressLines(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void after(String key, BlobMigration.Outcome outcome, java.util.Optional<String> problem,
        BlobMigration.Tally soFar) {
      if (outcome == BlobMigration.Outcome.FAILED) {
        err.println("FAILED " + key + ": " + problem.orElse("unknown"));
      }
      long now = System.nanoTime();
      if (now - lastPrinted >= 1_000_000_000L) {
        lastPrinted = now;
        print(soFar);
      }
      err.flush();
    }

    void last(BlobMigration.Tally tally) {
      print(tally);
      err.flush();
    }

    private void print(BlobMigration.Tally t) {
      err.printf(Locale.ROOT, "%d/%d files, %d copied (%s), %d already there, %d failed%n", t.done(), t.total(),
          t.copied(), size(t.bytesCopied()), t.alreadyThere(), t.failed());
    }

    static String size(long bytes) {
      if (bytes < 1024 * 1024) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
      }
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
  }
}
