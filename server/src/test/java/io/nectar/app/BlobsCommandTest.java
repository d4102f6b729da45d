package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.storage.FileBlobStore;
import io.nectar.testing.S3Server;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code nectar blobs migrate}: the data folder's files to a bucket, as an operator runs it. */
class BlobsCommandTest {

  @Test
  void migratesTheDataFoldersFilesToABucketAndSaysHowToSwitch() throws Exception {
    try (S3Server s3 = S3Server.start()) {
      Path data = Files.createTempDirectory("nectar-migrate");
      FileBlobStore local = new FileBlobStore(data.resolve("blobs"));
      local.put("documents/a/bill.pdf", "%PDF-1.4 one".getBytes(), "application/pdf");
      local.put("documents/b/bill.pdf", "%PDF-1.4 two".getBytes(), "application/pdf");
      local.put("uploads/c/scan.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");
      Map<String, String> env = new HashMap<>(s3.settings());
      env.remove("NECTAR_BLOB_URL"); // the server still runs on its folder
      env.put("NECTAR_DATA_DIR", data.toString());

      Run first = run(env, "blobs", "migrate", "--to", "s3://" + S3Server.BUCKET + "/moved");
      assertThat(first.code()).as(first.toString()).isZero();
      assertThat(first.err()).contains("3/3 files, 3 copied");
      assertThat(first.out())
          .contains("3 files, 3 copied")
          .contains("NECTAR_BLOB_URL=s3://" + S3Server.BUCKET + "/moved")
          .contains("./nectar blobs migrate --from file://" + data.resolve("blobs").toAbsolutePath()
              + " --to s3://" + S3Server.BUCKET + "/moved");
      assertThat(s3.hasObject(S3Server.BUCKET, "moved/uploads/c/scan.png")).isTrue();
      assertThat(local.get("documents/a/bill.pdf")).isPresent();

      Run again = run(env, "blobs", "migrate", "--to", "s3://" + S3Server.BUCKET + "/moved", "--parallel", "1");
      assertThat(again.code()).isZero();
      assertThat(again.out()).contains("0 copied").contains("3 already there, 0 failed");
    }
  }

  @Test
  void aBucketThatDoesNotExistFailsWithOneLineNamingIt() throws Exception {
    try (S3Server s3 = S3Server.start()) {
      Map<String, String> env = new HashMap<>(s3.settings());
      env.remove("NECTAR_BLOB_URL");
      env.put("NECTAR_DATA_DIR", Files.createTempDirectory("nectar-migrate").toString());
      Run run = run(env, "blobs", "migrate", "--to", "s3://no-such-bucket/x");
      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err().strip()).doesNotContain("\n").contains("target (--to) s3://no-such-bucket/x")
          .contains("no-such-bucket");
    }
  }

  @Test
  void theStoreTheFilesAreAlreadyInIsAUsageError() throws Exception {
    Path data = Files.createTempDirectory("nectar-migrate");
    Run run = run(Map.of("NECTAR_DATA_DIR", data.toString()), "blobs", "migrate",
        "--to", "file://" + data.resolve("blobs").toAbsolutePath());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("already in");
  }

  private record Run(int code, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K made = CommandLine.defaultFactory().create(type);
        if (made instanceof Main.Settings settings) {
          settings.environment = env;
        }
        return made;
      }
    };
    CommandLine cli = Main.commandLine(factory);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
