package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./nectar key create|list|revoke}, run in-process on an embedded database of their own. */
class KeyCommandsTest {
  @TempDir
  Path dataDir;

  record Result(int code, String out, String err) {}

  private Result run(String... args) {
    String[] withDir = new String[args.length + 2];
    System.arraycopy(args, 0, withDir, 0, args.length);
    withDir[args.length] = "--data-dir";
    withDir[args.length + 1] = dataDir.toString();
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(withDir);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(originalOut);
    }
  }

  @Test
  void aKeyIsCreatedListedAndRevoked() {
    Result created = run("key", "create", "--name", "prod-sync-service", "--environment", "production",
        "--expires", "2099-01-01", "--organization", "Acme");
    assertThat(created.code()).as(created.err()).isZero();
    Matcher secret = Pattern.compile("nk_live_[A-Za-z0-9]{32}").matcher(created.out());
    assertThat(secret.find()).as(created.out()).isTrue();
    Matcher id = Pattern.compile("id ([0-9a-f-]{36})").matcher(created.out());
    assertThat(id.find()).isTrue();

    Result listed = run("key", "list");
    assertThat(listed.code()).isZero();
    assertThat(listed.out()).contains(id.group(1), "prod-sync-service", "PRODUCTION", "active", "Acme")
        .doesNotContain(secret.group());

    Result revoked = run("key", "revoke", id.group(1));
    assertThat(revoked.code()).isZero();
    assertThat(run("key", "list").out()).contains("revoked");
  }

  @Test
  void badArgumentsExitWithCode2AndOneLineNamingTheProblem() {
    Result badEnvironment = run("key", "create", "--name", "x", "--environment", "staging");
    assertThat(badEnvironment.code()).isEqualTo(2);
    assertThat(badEnvironment.err().strip()).isEqualTo("nectar: --environment must be sandbox or production");

    Result badDate = run("key", "create", "--name", "x", "--expires", "31/12/2027");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("--expires must be a date YYYY-MM-DD");

    Result pastDate = run("key", "create", "--name", "x", "--expires", "2001-01-01");
    assertThat(pastDate.code()).isEqualTo(2);
    assertThat(pastDate.err()).contains("the expiry date must be in the future");

    Result unknownKey = run("key", "revoke", "not-an-id");
    assertThat(unknownKey.code()).isEqualTo(2);
  }
}
