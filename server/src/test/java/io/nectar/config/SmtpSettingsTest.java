package io.nectar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.config.SmtpSettings.Security;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpSettingsTest {
  private static final String PUBLIC_URL = "https://utility.example.org";
  /** In every malformed URL below; no refusal may repeat it. */
  private static final String PASSWORD = "S3cr3tPw";

  private static SmtpSettings parse(String url) {
    return SmtpSettings.parse(url, Optional.empty(), PUBLIC_URL);
  }

  @Test
  void aFullUrlGivesHostPortLoginSenderAndStartTls() {
    SmtpSettings smtp = parse("smtp://mailer:" + PASSWORD + "@mail.example.com:2525?from=Nectar%20%3Cno-reply%40example.com%3E");

    assertThat(smtp.security()).isEqualTo(Security.STARTTLS_REQUIRED);
    assertThat(smtp.host()).isEqualTo("mail.example.com");
    assertThat(smtp.port()).isEqualTo(2525);
    assertThat(smtp.user()).contains("mailer");
    assertThat(smtp.password()).contains(PASSWORD);
    assertThat(smtp.from()).isEqualTo("Nectar <no-reply@example.com>");
  }

  @Test
  void smtpDefaultsToTheSubmissionPortWithStartTlsRequiredAndSmtpsTo465() {
    assertThat(parse("smtp://mail.example.com")).satisfies(s -> {
      assertThat(s.port()).isEqualTo(587);
      assertThat(s.security()).isEqualTo(Security.STARTTLS_REQUIRED);
      assertThat(s.user()).isEmpty();
      assertThat(s.password()).isEmpty();
    });
    assertThat(parse("SMTPS://mail.example.com/")).satisfies(s -> {
      assertThat(s.port()).isEqualTo(465);
      assertThat(s.security()).isEqualTo(Security.IMPLICIT_TLS);
    });
  }

  @Test
  void startTlsCanBeOptionalOrOff() {
    assertThat(parse("smtp://mail.example.com?starttls=optional").security()).isEqualTo(Security.STARTTLS_OPTIONAL);
    assertThat(parse("smtp://localhost:25?starttls=off").security()).isEqualTo(Security.PLAIN);
    assertThat(parse("smtp://mail.example.com?starttls=required").security()).isEqualTo(Security.STARTTLS_REQUIRED);
  }

  @Test
  void userAndPasswordArePercentDecodedAndAPlusStaysAPlus() {
    SmtpSettings smtp = parse("smtp://apikey%40example.com:p%40ss%3Aw%2Fo%3Frd+%25%E2%82%AC@[::1]:25?starttls=off");

    assertThat(smtp.user()).contains("apikey@example.com");
    assertThat(smtp.password()).contains("p@ss:w/o?rd+%€");
    assertThat(smtp.host()).isEqualTo("[::1]");
    assertThat(smtp.port()).isEqualTo(25);
  }

  @Test
  void aRawAtSignInThePasswordStillLeavesTheHostAfterTheLastOne() {
    SmtpSettings smtp = parse("smtp://user:p@ss@mail.example.com");

    assertThat(smtp.password()).contains("p@ss");
    assertThat(smtp.host()).isEqualTo("mail.example.com");
  }

  @Test
  void theSenderIsTheUrlsThenNectarMailFromThenNectarAtThePublicHost() {
    assertThat(SmtpSettings.parse("smtp://h?from=a%40example.com", Optional.of("b@example.com"), PUBLIC_URL).from())
        .isEqualTo("a@example.com");
    assertThat(SmtpSettings.parse("smtp://h", Optional.of(" b@example.com "), PUBLIC_URL).from())
        .isEqualTo("b@example.com");
    assertThat(SmtpSettings.parse("smtp://h", Optional.empty(), PUBLIC_URL).from())
        .isEqualTo("nectar@utility.example.org");
    assertThat(SmtpSettings.parse("smtp://h", Optional.empty(), "http://localhost:8080").from())
        .isEqualTo("nectar@localhost");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://user:" + PASSWORD + "@mail.example.com",
      "mail.example.com",
      "smtp://user:" + PASSWORD + "@",
      "smtp://user:" + PASSWORD + "@:25",
      "smtp://user:" + PASSWORD + "@mail.example.com:0",
      "smtp://user:" + PASSWORD + "@mail.example.com:65536",
      "smtp://user:" + PASSWORD + "@mail.example.com:smtp",
      "smtp://user:" + PASSWORD + "@mail.example.com/path",
      "smtp://user:" + PASSWORD + "@mail.exa mple.com",
      "smtp://user:" + PASSWORD + "@mail.example.com?starttls=maybe",
      "smtp://user:" + PASSWORD + "@mail.example.com?tls=on",
      "smtp://user:" + PASSWORD + "@mail.example.com?from=not-an-address",
      "smtp://user:" + PASSWORD + "@mail.example.com?from=a%40b%0D%0ABcc%3A%20c%40d",
      "smtps://user:" + PASSWORD + "@mail.example.com?starttls=off",
      "smtp://user:" + PASSWORD + "%ZZ@mail.example.com",
      "smtp://user:" + PASSWORD + "%C3@mail.example.com",
      "smtp://:" + PASSWORD + "@mail.example.com",
      "smtp://user:@mail.example.com",
      "smtp://user@mail.example.com",
      // a '?' left unescaped in the password: every part of the URL after it may be password
      "smtp://user:S3cr?3tPw@mail.example.com",
      "smtp://user:S3cr3tPw?@mail.example.com",
      "smtp://user:S3cr3tPw:x@mail.example.com:S3cr3tPw",
      "smtp://user:x@mail.example.com:25?S3cr3tPw=1",
      "smtp://user:x@mail.example.com:25?starttls=S3cr3tPw",
      "smtp://user:x@mail.example.com:25?from=S3cr3tPw",
  })
  void aMalformedUrlIsRefusedNamingTheSettingAndNeverThePassword(String url) {
    assertThatThrownBy(() -> parse(url))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("NECTAR_SMTP_URL: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain("S3cr"));
  }

  @Test
  void aMalformedSenderIsRefusedNamingTheSettingItCameFrom() {
    assertThatThrownBy(() -> SmtpSettings.parse("smtp://h", Optional.of("nobody"), PUBLIC_URL))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("NECTAR_MAIL_FROM: ")
        .hasMessageContaining("'nobody'");
    assertThatThrownBy(() -> SmtpSettings.parse("smtp://h", Optional.of("a@b.com\nBcc: c@d.com"), PUBLIC_URL))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("NECTAR_MAIL_FROM: ");
  }

  @Test
  void printedSettingsHideThePassword() {
    SmtpSettings smtp = parse("smtp://mailer:" + PASSWORD + "@mail.example.com?starttls=optional");

    assertThat(smtp.toString()).doesNotContain(PASSWORD)
        .isEqualTo("smtp://mailer:***@mail.example.com:587?starttls=optional from nectar@utility.example.org");
  }

  @Test
  void theConfigurationHasSmtpOnlyWhenTheUrlIsSet() {
    assertThat(Config.from(Map.of()).smtp()).isEmpty();
    assertThat(Config.from(Map.of("NECTAR_SMTP_URL", "  ")).smtp()).isEmpty();

    Config config = Config.from(Map.of("NECTAR_SMTP_URL", "smtps://u:" + PASSWORD + "@mail.example.com",
        "NECTAR_MAIL_FROM", "Billing <billing@example.com>", "NECTAR_PUBLIC_URL", PUBLIC_URL));
    assertThat(config.smtp()).hasValueSatisfying(s -> {
      assertThat(s.host()).isEqualTo("mail.example.com");
      assertThat(s.from()).isEqualTo("Billing <billing@example.com>");
    });
    assertThatThrownBy(() -> Config.from(Map.of("NECTAR_SMTP_URL", "smtp://u:" + PASSWORD + "@h:99999")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("NECTAR_SMTP_URL: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
  }
}
