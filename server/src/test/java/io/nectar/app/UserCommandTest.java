package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.Response;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.web.dashboard.core.DashboardClient;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ./nectar user create}: a one-time link that lets the person choose a password and sign in. */
class UserCommandTest {

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void aCreatedUserChoosesAPasswordThroughThePrintedLinkAndSignsIn() {
    String database = TestDatabase.freshDatabaseUrl();
    try (TestServer server = TestServer.start(Map.of(), new ProviderRegistry(new SandboxProvider()), database)) {
      CommandRun created = run("user", "create", "--email", "Cli@Example.com", "--organization", "Cli Org",
          "--role", "member", "--database-url", database);
      assertThat(created.code()).as(created.err()).isZero();
      Matcher link = Pattern.compile("(http\\S+/dashboard/welcome/\\S+)").matcher(created.out());
      assertThat(link.find()).as(created.out()).isTrue();
      assertThat(created.out()).contains("cli@example.com").contains("Cli Org");

      DashboardClient browser = new DashboardClient(server.baseUrl());
      String path = DashboardClient.pathOf(link.group(1));
      assertThat(browser.get(path).body()).contains("Choose your password").contains("cli@example.com");
      Response set = browser.postWithToken(path, Map.of("password", "chosen on the page"));
      assertThat(set.status()).isEqualTo(303);
      assertThat(browser.get("/dashboard").body()).contains("Cli Org").doesNotContain("/dashboard/settings\"");

      CommandRun wrongRole = run("user", "create", "--email", "x@example.com", "--role", "owner", "--database-url",
          database);
      assertThat(wrongRole.code()).isEqualTo(2);
      assertThat(wrongRole.err()).contains("--role");
      CommandRun badEmail = run("user", "create", "--email", "nope", "--database-url", database);
      assertThat(badEmail.code()).isEqualTo(2);
      assertThat(badEmail.err()).contains("e-mail");
    }
  }
}
