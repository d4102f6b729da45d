package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.Response;
import io.nectar.testing.ServerProcess;
import io.nectar.testing.TestDatabase;
import io.nectar.web.dashboard.core.DashboardClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./nectar serve} prints for the dashboard, read from a real server process's console as a
 * person reads it: on a first start, the one-time link that makes the first administrator, with what
 * it says about the link holding true; once someone has an account, no such link at the next start.
 */
class FirstStartBannerTest {
  private static final Pattern LINK = Pattern.compile("^  (http://\\S+/dashboard/welcome/[A-Za-z0-9_-]+)$",
      Pattern.MULTILINE);
  /** ServerProcess's log pattern: {@code HH:mm:ss.SSS LEVEL [thread] logger - message}. */
  private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
  private static final String HEADING = "Dashboard: nobody can sign in yet. This one-time link makes whoever "
      + "opens it the first\nadministrator (valid 24 hours; a new one is printed at each start until someone has "
      + "an account):\n\n";

  /** What the process printed, without the log lines its threads may write between the banner's lines. */
  private static String printed(ServerProcess server) {
    return server.log().replace("\r\n", "\n").lines().filter(line -> !LOG_LINE.matcher(line).find())
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
  }

  @Test
  void aFirstStartPrintsAWorkingOneTimeLinkForTheFirstAdministratorAndTheNextStartAfterItIsUsedPrintsNone() {
    String database = TestDatabase.freshDatabaseUrl();
    Map<String, String> settings = Map.of("DATABASE_URL", database,
        "NECTAR_SECRET_KEY", "first-start-banner-test-0123456789abcdef");
    String link;
    try (ServerProcess first = ServerProcess.start("banner-first", settings).awaitReady(Duration.ofSeconds(90))) {
      String console = printed(first);
      assertThat(console).contains("  Dashboard " + first.baseUrl() + "/dashboard\n");
      // The heading, then the link alone on its line, then how to add more people.
      int heading = console.indexOf(HEADING);
      assertThat(heading).as("the first administrator's heading in:\n" + console).isNotNegative();
      Matcher m = LINK.matcher(console);
      assertThat(m.find(heading)).as("a link after the heading").isTrue();
      assertThat(m.start()).isEqualTo(heading + HEADING.length());
      link = m.group(1);
      assertThat(link).startsWith(first.baseUrl());
      assertThat(console.substring(m.end())).startsWith(
          "\n\nMore people: invite them from Settings > Users, or ./nectar user create --email EMAIL\n");

      // "valid 24 hours": what the database holds for the one link there is.
      List<Duration> lifetimes = Jdbi.create(database).withHandle(h -> h.createQuery(
              "select extract(epoch from expires_at - created_at)::bigint from dashboard_link "
                  + "where purpose = 'FIRST_ADMIN' and used_at is null")
          .mapTo(Long.class).map(Duration::ofSeconds).list());
      assertThat(lifetimes).containsExactly(Duration.ofHours(24));

      // "makes whoever opens it the first administrator".
      DashboardClient browser = new DashboardClient(first.baseUrl());
      String path = DashboardClient.pathOf(link);
      Response page = browser.get(path);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("first administrator");
      Response made = browser.postWithToken(path, Map.of("email", "first@banner.example",
          "password", "a long enough first password"));
      assertThat(made.status()).as(made.body()).isEqualTo(303);
      assertThat(browser.get("/dashboard").body()).contains("first@banner.example");
    }

    // "until someone has an account": the next start prints no link, and the printed one is spent.
    try (ServerProcess next = ServerProcess.start("banner-next", settings).awaitReady(Duration.ofSeconds(90))) {
      String console = printed(next);
      assertThat(console).contains("is ready").doesNotContain("nobody can sign in yet")
          .doesNotContain("/dashboard/welcome/");
      assertThat(new DashboardClient(next.baseUrl()).get(DashboardClient.pathOf(link)).status()).isEqualTo(404);
    }
  }
}
