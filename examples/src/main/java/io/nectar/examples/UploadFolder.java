package io.nectar.examples;

import io.nectar.client.NectarClient;
import io.nectar.client.NectarException;
import io.nectar.client.model.Job;
import io.nectar.client.model.JobFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Uploads every PDF, PNG and JPEG in a folder as bills of a company, then waits for each job and
 * prints what became of every file.
 *
 * <pre>
 * NECTAR_URL=http://localhost:8080/v2.2 NECTAR_API_KEY=nk_test_… \
 *   java io.nectar.examples.UploadFolder ./bills COMPANY_ID [SITE_ID]
 * </pre>
 *
 * <p>Uploads run on several threads; the client itself keeps at most ten requests on the wire (its
 * {@code maxConcurrentRequests}), as Nectar recommends, so more threads only queue.
 */
public final class UploadFolder {
  private UploadFolder() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: UploadFolder FOLDER COMPANY_ID [SITE_ID]");
      System.exit(2);
    }
    NectarClient nectar = Env.client();
    UUID company = UUID.fromString(args[1]);
    UUID site = args.length == 3 ? UUID.fromString(args[2]) : null;
    List<Path> bills = bills(Path.of(args[0]));
    System.err.println("Uploading " + bills.size() + " files…");

    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (Path bill : bills) {
        results.add(pool.submit(() -> {
          try {
            Job job = nectar.jobs().upload(company, bill, site);
            return summary(bill, nectar.jobs().waitFor(job.id(), Duration.ofMinutes(10)));
          } catch (NectarException e) {
            return bill.getFileName() + ": failed: " + e.getMessage();
          }
        }));
      }
      for (Future<String> result : results) {
        System.out.println(result.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  private static List<Path> bills(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).filter(f -> {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf") || name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
      }).sorted().toList();
    }
  }

  private static String summary(Path bill, Job job) {
    if (!job.isTerminal()) {
      return bill.getFileName() + ": still " + job.status() + " (job " + job.id() + ")";
    }
    StringBuilder line = new StringBuilder(bill.getFileName() + ": " + job.status());
    for (JobFile file : job.files()) {
      line.append(", ").append(file.outcome());
      if (file.documentId() != null) {
        line.append(" ").append(file.documentId());
      }
      if (file.reason() != null) {
        line.append(" (").append(file.reason()).append(")");
      }
    }
    return line.toString();
  }
}
