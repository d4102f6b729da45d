package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Options, environment, exit codes and the one-line errors, against a stand-in API. */
class CommandLineTest {
  private static final String PING = """
      {"status": "ok", "apiVersion": "v2.2", "serverVersion": "1.2.3",
       "organization": {"id": "0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c", "name": "Acme"}, "environment": "SANDBOX"}""";

  FakeApi api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theUrlAndKeyComeFromTheEnvironment() {
    api.on("GET", "/ping", 200, PING);

    CliRun run = CliRun.of(CliRun.env(api.url(), "nk_test_env"), "ping");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Acme").contains("SANDBOX");
    assertThat(api.requests.get(0).getHeaders().get("X-API-Key")).isEqualTo("nk_test_env");
  }

  @Test
  void optionsOverrideTheEnvironmentAndMayComeAfterTheCommand() {
    api.on("GET", "/ping", 200, PING);

    CliRun run = CliRun.of(CliRun.env("http://localhost:1/v2.2", "nk_test_env"), "ping", "--url", api.url(),
        "--key", "nk_test_flag", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(api.requests.get(0).getHeaders().get("X-API-Key")).isEqualTo("nk_test_flag");
    assertThat(run.out()).contains("\"name\":\"Acme\"");
  }

  @Test
  void withoutAKeyItIsAUsageErrorAndNothingIsSent() {
    CliRun run = CliRun.of(Map.of("NECTAR_URL", api.url()), "ping");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nectar api: no API key: pass --key or set NECTAR_API_KEY\n");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void anUnknownOptionOrAMissingArgumentIsAOneLineUsageError() {
    CliRun unknown = CliRun.of(CliRun.env(api.url(), "k"), "list", "company", "--colour");
    CliRun missing = CliRun.of(CliRun.env(api.url(), "k"), "get", "company");
    CliRun required = CliRun.of(CliRun.env(api.url(), "k"), "export", "usage");

    for (CliRun run : new CliRun[] {unknown, missing, required}) {
      assertThat(run.code()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines()).as(run.err()).hasSize(1).allMatch(l -> l.startsWith("nectar api: "));
    }
    assertThat(unknown.err()).contains("--colour");
    assertThat(required.err()).contains("--company");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void aMalformedIdAnUnknownResourceAndAWrongScopeAreUsageErrors() {
    CliRun badId = CliRun.of(CliRun.env(api.url(), "k"), "get", "company", "not-an-id");
    CliRun resource = CliRun.of(CliRun.env(api.url(), "k"), "list", "spaceships");
    CliRun scope = CliRun.of(CliRun.env(api.url(), "k"), "list", "job", "--site",
        "0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");
    CliRun unscoped = CliRun.of(CliRun.env(api.url(), "k"), "list", "usage");
    CliRun filter = CliRun.of(CliRun.env(api.url(), "k"), "list", "usage", "--company",
        "0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c", "--type", "PLUTONIUM");

    assertThat(badId.err()).contains("must be an id");
    assertThat(resource.err()).contains("unknown resource spaceships");
    assertThat(scope.err()).contains("list job does not take --site; it takes --company");
    assertThat(unscoped.err()).contains("list usage needs --company ID or --site ID");
    assertThat(filter.err()).contains("--type must be one of ELECTRICITY");
    for (CliRun run : new CliRun[] {badId, resource, scope, unscoped, filter}) {
      assertThat(run.code()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines()).hasSize(1);
    }
    assertThat(api.requests).isEmpty();
  }

  @Test
  void anApiErrorIsOneLineWithTheStatusTheDetailAndTheRequestIdAndExitsOne() {
    api.on("GET", "/company/0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c", 403,
        "{\"detail\": \"You do not have permission to perform this action.\"}");

    CliRun run = CliRun.of(CliRun.env(api.url(), "k"), "get", "company", "0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("nectar api: 403 You do not have permission to perform this action."
        + " (request id req-403)\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aValidationErrorNamesEveryField() {
    api.on("GET", "/usage/company/0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c", 400, """
        {"detail": "Invalid input: startDate: Enter a valid date. (and 1 more)",
         "errors": {"startDate": ["Enter a valid date."], "endDate": ["Enter a valid date."]}}""");

    CliRun run = CliRun.of(CliRun.env(api.url(), "k"), "list", "usage", "--company",
        "0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("400 Invalid input").contains("endDate: Enter a valid date.")
        .contains("(request id req-400)");
  }

  @Test
  void aServerThatCannotBeReachedExitsThreeWithOneLine() {
    String closed = api.url();
    api.close();

    CliRun run = CliRun.of(CliRun.env(closed, "k"), "ping");

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).startsWith("nectar api: network error: ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void aBodyThatIsNotJsonIsAnApiErrorNotAStackTrace() {
    api.on("GET", "/ping", r -> new mockwebserver3.MockResponse.Builder().code(200)
        .addHeader("Content-Type", "text/html").body("<html>proxy login</html>").build());

    CliRun run = CliRun.of(CliRun.env(api.url(), "k"), "ping");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test
  void withoutACommandItIsAOneLineUsageError() {
    for (String[] args : new String[][] {{}, {"export"}, {"webhook"}}) {
      CliRun run = CliRun.of(Map.of(), args);

      assertThat(run.code()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines()).as(run.err()).singleElement().asString()
          .startsWith("nectar api: Missing required subcommand");
    }
  }

  @Test
  void listeningOnAPortThatIsTakenIsAOneLineUsageError() throws Exception {
    String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    Stop stopped = new Stop();
    stopped.stop(); // were the port free after all, listen would return at once instead of waiting
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of(Context.builder().stop(stopped), "webhook", "listen", "--host", "127.0.0.1", "--port",
          String.valueOf(taken.getLocalPort()), "--secret", secret);

      assertThat(run.code()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).startsWith("nectar api: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
      assertThat(run.err().lines()).hasSize(1);
    }
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(CliRun.of(Map.of(), "--help").code()).isZero();
    assertThat(CliRun.of(Map.of(), "upload", "--help").out()).contains("--company").contains("--state-dir");
    assertThat(CliRun.of(Map.of(), "--version").out()).startsWith("nectar api ");
  }
}
