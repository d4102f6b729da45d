package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./nectar key create|list|revoke}, run in-process on an embedded database of their own. */
class KeyCommandsTest {
  @TempDir
  Path dataDir;


  private CommandRun run(String... args) {
    String[] withDir = new String[args.length + 2];
    System.arraycopy(args, 0, withDir, 0, args.length);
    withDir[args.length] = "--data-dir";
    withDir[args.length + 1] = dataDir.toString();
    return CommandRun.of(withDir);
  }

  @Test
  void aKeyIsCreatedListedAndRevoked() {
    CommandRun created = run("key", "create", "--name", "prod-sync-service", "--environment", "production",
        "--expires", "2099-01-01", "--organization", "Acme");
    assertThat(created.code()).as(created.err()).isZero();
    Matcher secret = Pattern.compile("nk_live_[A-Za-z0-9]{32}").matcher(created.out());
    assertThat(secret.find()).as(created.out()).isTrue();
    Matcher id = Pattern.compile("id ([0-9a-f-]{36})").matcher(created.out());
    assertThat(id.find()).isTrue();

    CommandRun listed = run("key", "list");
    assertThat(listed.code()).isZero();
    assertThat(listed.out()).contains(id.group(1), "prod-sync-service", "PRODUCTION", "active", "Acme")
        .doesNotContain(secret.group());

    CommandRun revoked = run("key", "revoke", id.group(1));
    assertThat(revoked.code()).isZero();
    assertThat(run("key", "list").out()).contains("revoked");
  }

  @Test
  void badArgumentsExitWithCode2AndOneLineNamingTheProblem() {
    CommandRun badEnvironment = run("key", "create", "--name", "x", "--environment", "staging");
    assertThat(badEnvironment.code()).isEqualTo(2);
    assertThat(badEnvironment.err().strip()).isEqualTo("nectar: --environment must be sandbox or production");

    CommandRun badDate = run("key", "create", "--name", "x", "--expires", "31/12/2027");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("--expires must be a date YYYY-MM-DD");

    CommandRun pastDate = run("key", "create", "--name", "x", "--expires", "2001-01-01");
    assertThat(pastDate.code()).isEqualTo(2);
    assertThat(pastDate.err()).contains("the expiry date must be in the future");

    CommandRun unknownKey = run("key", "revoke", "not-an-id");
    assertThat(unknownKey.code()).isEqualTo(2);
  }
}
