package io.nectar.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.KeyService;
import io.nectar.testing.Response;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import io.nectar.web.dashboard.core.DashboardClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first start of a server prints a one-time link that makes its visitor the first administrator;
 * it works once, and every such link stops working as soon as anyone has an account.
 */
class FirstAdministratorTest {
  static final String PASSWORD = "the first of many passwords";

  @Test
  void theFirstStartsLinkMakesTheFirstAdministratorOnceAndAnotherStartsLinkDiesWithIt() {
    String database = TestDatabase.freshDatabaseUrl();
    try (TestServer first = TestServer.start(Map.of(), new io.nectar.providers.ProviderRegistry(
        new io.nectar.providers.sandbox.SandboxProvider()), database);
        TestServer second = TestServer.start(Map.of(), new io.nectar.providers.ProviderRegistry(
            new io.nectar.providers.sandbox.SandboxProvider()), database)) {
      OneTimeLink printed = first.server().firstAdministratorLink().orElseThrow();
      OneTimeLink printedBySecond = second.server().firstAdministratorLink().orElseThrow();
      assertThat(printed.purpose()).isEqualTo(LinkPurpose.FIRST_ADMIN);
      assertThat(printed.url()).isNotEqualTo(printedBySecond.url());

      DashboardClient browser = new DashboardClient(second.baseUrl());
      String path = DashboardClient.pathOf(printed.url());
      Response page = browser.get(path);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("first administrator").contains(KeyService.DEFAULT_ORGANIZATION)
          .contains("name=\"email\"");
      Response bad = browser.postWithToken(path, Map.of("email", "not an address", "password", PASSWORD));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("Enter an e-mail address");
      Response made = browser.postWithToken(path, Map.of("email", "Boss@Example.com", "password", PASSWORD));
      assertThat(made.status()).as(made.body()).isEqualTo(303);
      assertThat(browser.get("/dashboard").body()).contains("boss@example.com").contains("/dashboard/settings");

      assertThat(new DashboardClient(first.baseUrl()).get(path).status()).as("used").isEqualTo(404);
      assertThat(new DashboardClient(first.baseUrl()).get(DashboardClient.pathOf(printedBySecond.url())).status())
          .as("someone has an account now").isEqualTo(404);
      assertThat(first.server().users().firstAdministratorLink()).isEmpty();
      assertThat(first.server().users().signIn("boss@example.com", PASSWORD, "10.1.1.1").outcome())
          .isEqualTo(UserService.SignInOutcome.SIGNED_IN);
    }
  }
}
