package io.nectar.providers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.providers.ConnectionStatus;
import io.nectar.providers.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox credentials and the failure scenarios a client can act out by username. */
class SandboxLoginTest {
  private static final String PASSWORD = "nectar-sandbox-password";
  private static final SandboxProvider SANDBOX = new SandboxProvider();

  private static Validation validate(String username, String password, int validationCount) {
    return SANDBOX.validate(SandboxRequests.login(username, password, validationCount));
  }

  @Test
  void theSandboxCredentialsConnectWithoutAnError() {
    assertThat(validate("nectar-sandbox-username", PASSWORD, 0)).isEqualTo(Validation.connected());
    assertThat(validate("nectar-sandbox-username", PASSWORD, 7)).isEqualTo(Validation.connected());
  }

  @Test
  void theSandboxIsRegisteredUnderNectarsUrlAndName() {
    assertThat(SANDBOX.rootUrl()).isEqualTo("https://nectarclimate.com");
    assertThat(SANDBOX.name()).isEqualTo("Nectar Sandbox Utility");
    assertThat(new io.nectar.providers.ProviderRegistry(SANDBOX).find("https://www.NectarClimate.com/login"))
        .containsSame(SANDBOX);
  }

  @ParameterizedTest
  @CsvSource({
      "nectar-sandbox-website-down, WEBSITE_DOWN",
      "nectar-sandbox-mfa, MFA_TOKEN_EXPIRED",
      "nectar-sandbox-no-accounts, NO_ACCOUNTS_FOUND"})
  void reservedUsernamesActOutAFailure(String username, ConnectionStatus status) {
    Validation validation = validate(username, PASSWORD, 0);

    assertThat(validation.status()).isEqualTo(status);
    assertThat(validation.errorDetail()).isNotBlank().doesNotContain(PASSWORD);
  }

  @Test
  void thePasswordChangeScenarioConnectsOnceThenReportsAnIncorrectPassword() {
    assertThat(validate("nectar-sandbox-password-change", PASSWORD, 0)).isEqualTo(Validation.connected());

    Validation later = validate("nectar-sandbox-password-change", PASSWORD, 1);
    assertThat(later.status()).isEqualTo(ConnectionStatus.INCORRECT_PASSWORD);
    assertThat(later.errorDetail()).contains("password").doesNotContain(PASSWORD);
    assertThat(validate("nectar-sandbox-password-change", PASSWORD, 5).status())
        .isEqualTo(ConnectionStatus.INCORRECT_PASSWORD);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "nectar-sandbox-username, wrong-password",
      "nectar-sandbox-username, NECTAR-SANDBOX-PASSWORD",
      "someone@example.com, nectar-sandbox-password",
      "nectar-sandbox-mfa, hunter2",
      "NECTAR-SANDBOX-USERNAME, nectar-sandbox-password",
      "NULL, NULL",
      "nectar-sandbox-username, NULL"})
  void anythingElseIsAnIncorrectPasswordThatNeverEchoesThePassword(String username, String password) {
    Validation validation = validate(username, password, 0);

    assertThat(validation.status()).isEqualTo(ConnectionStatus.INCORRECT_PASSWORD);
    assertThat(validation.errorDetail()).contains("nectar-sandbox-username").doesNotContain(PASSWORD);
    if (password != null) {
      assertThat(validation.errorDetail()).doesNotContain(password);
    }
  }

  @Test
  void aConnectionWithoutAccountsCollectsNothing() {
    var request = SandboxRequests.login("nectar-sandbox-no-accounts", PASSWORD, 0);

    assertThat(SANDBOX.collect(request).accounts()).isEmpty();
    assertThat(SANDBOX.billsFor(request, java.time.YearMonth.of(2025, 5))).isEmpty();
  }

  @Test
  void theMfaScenarioTakesAnySixDigitsAndThenTrustsThatConnectionsLogins() {
    var asked = SandboxRequests.login("nectar-sandbox-mfa", PASSWORD, 0);

    var answer = SANDBOX.answerMfa(asked, "123456");

    assertThat(answer.isAccepted()).isTrue();
    assertThat(answer.validation()).isEqualTo(Validation.connected());
    var trusted = new io.nectar.providers.CollectionRequest(asked.connectionId(), asked.username(), PASSWORD,
        asked.country(), asked.siteIds(), asked.datasourceTypes(), asked.startDate(), asked.today(), 1, answer.token());
    assertThat(SANDBOX.validate(trusted)).isEqualTo(Validation.connected());
    var otherConnection = new io.nectar.providers.CollectionRequest(java.util.UUID.randomUUID(), asked.username(),
        PASSWORD, asked.country(), asked.siteIds(), asked.datasourceTypes(), asked.startDate(), asked.today(), 1,
        answer.token());
    assertThat(SANDBOX.validate(otherConnection).status()).isEqualTo(ConnectionStatus.MFA_TOKEN_EXPIRED);
  }

  @ParameterizedTest
  @CsvSource({"12345", "1234567", "abcdef", "''"})
  void anMfaCodeThatIsNotSixDigitsIsRefused(String code) {
    var answer = SANDBOX.answerMfa(SandboxRequests.login("nectar-sandbox-mfa", PASSWORD, 0), code);

    assertThat(answer.isAccepted()).isFalse();
    assertThat(answer.validation().status()).isEqualTo(ConnectionStatus.MFA_TOKEN_EXPIRED);
  }

  @Test
  void aLoginThatNeedsNoCodeRefusesOne() {
    var answer = SANDBOX.answerMfa(SandboxRequests.login("nectar-sandbox-username", "wrong", 0), "123456");

    assertThat(answer.isAccepted()).isFalse();
    assertThat(answer.validation().status()).isEqualTo(ConnectionStatus.INCORRECT_PASSWORD);
  }
}
