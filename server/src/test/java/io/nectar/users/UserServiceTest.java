package io.nectar.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.errors.Conflict;
import io.nectar.errors.Forbidden;
import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import io.nectar.keys.KeyService;
import io.nectar.keys.Organization;
import io.nectar.testing.SmtpServer;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dashboard users, their passwords, one-time links and sessions, through the service the pages use. */
class UserServiceTest {
  static final String PASSWORD = "a long enough passphrase";
  static SmtpServer smtp;
  static TestServer server;
  static UserService users;
  static KeyService keys;

  @BeforeAll
  static void start() {
    smtp = SmtpServer.start();
    server = TestServer.start(Map.of("NECTAR_SMTP_URL", smtp.url()), new ProviderRegistry(new SandboxProvider()),
        TestDatabase.freshDatabaseUrl());
    users = server.server().users();
    keys = server.server().keys();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  static String token(OneTimeLink link) {
    return link.url().substring(link.url().lastIndexOf('/') + 1);
  }

  @Test
  void passwordsAreStoredAsArgon2idHashesAndWeakOnesAreRefused() {
    Organization organization = keys.organization("Hashing Org");
    OneTimeLink link = users.create(organization, "hana@hashing.example", Role.ADMIN);
    assertThatThrownBy(() -> users.useLink(token(link), null, "short"))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("password");
    users.useLink(token(link), null, PASSWORD);
    String stored = server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select password_hash from dashboard_user where email = 'hana@hashing.example'").mapTo(String.class).one());
    assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
    assertThat(users.signIn("hana@hashing.example", PASSWORD, "10.0.0.1").outcome())
        .isEqualTo(UserService.SignInOutcome.SIGNED_IN);
    assertThat(users.signIn("hana@hashing.example", PASSWORD + " ", "10.0.0.1").outcome())
        .isEqualTo(UserService.SignInOutcome.REFUSED);
  }

  @Test
  void aLinkWorksOnceWithinItsDayAndChoosingAPasswordEndsTheOtherSessions() {
    Organization organization = keys.organization("Links Org");
    OneTimeLink link = users.create(organization, "lou@links.example", Role.MEMBER);
    NewSession first = users.useLink(token(link), null, PASSWORD);
    assertThatThrownBy(() -> users.useLink(token(link), null, PASSWORD)).isInstanceOf(NotFound.class);
    assertThat(users.session(first.token())).isPresent();

    OneTimeLink reset = users.create(organization, "lou@links.example", Role.MEMBER);
    server.clock().advance(Duration.ofHours(23));
    assertThat(users.openLink(token(reset))).isPresent();
    users.useLink(token(reset), null, PASSWORD + " renewed");
    assertThat(users.session(first.token())).as("a new password signs the old sessions out").isEmpty();

    OneTimeLink late = users.create(organization, "lou@links.example", Role.MEMBER);
    server.clock().advance(Duration.ofHours(24).plusSeconds(1));
    assertThat(users.openLink(token(late))).isEmpty();
    assertThatThrownBy(() -> users.useLink(token(late), null, PASSWORD)).isInstanceOf(NotFound.class);
  }

  @Test
  void oneAddressBelongsToOneOrganization() {
    users.create(keys.organization("Owner Org"), "olga@owner.example", Role.ADMIN);
    assertThatThrownBy(() -> users.create(keys.organization("Other Org"), "OLGA@owner.example", Role.ADMIN))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void anInvitationIsEmailedWhenSmtpIsConfigured() {
    OneTimeLink adminLink = users.create(keys.organization("Mail Org"), "max@mail.example", Role.ADMIN);
    DashboardUser admin = users.useLink(token(adminLink), null, PASSWORD).session().user();
    UserService.Invited invited = users.invite(admin, "mia@mail.example", Role.MEMBER);
    assertThat(invited.delivery()).isEqualTo(UserService.Delivery.EMAILED);
    SmtpServer.Received mail = smtp.awaitReceived(1).stream().filter(m -> m.to().equals("mia@mail.example"))
        .findFirst().orElseThrow();
    assertThat(mail.subject()).contains("Mail Org");
    assertThat(mail.text()).contains(invited.link().url()).contains("max@mail.example");
    assertThat(users.openLink(token(invited.link()))).get().extracting(UserService.LinkView::email)
        .isEqualTo("mia@mail.example");
    assertThat(invited.link().expires()).isAfter(server.clock().instant().plus(Duration.ofDays(6)));
  }

  @Test
  void anAdministratorRemovesColleaguesButNotThemselvesNorTheLastAdministrator() {
    Organization organization = keys.organization("Removal Org");
    DashboardUser admin = users.useLink(token(users.create(organization, "ada@removal.example", Role.ADMIN)), null,
        PASSWORD).session().user();
    NewSession member = users.useLink(token(users.create(organization, "mel@removal.example", Role.MEMBER)), null,
        PASSWORD);
    assertThatThrownBy(() -> users.remove(member.session().user(), admin.id())).isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> users.remove(admin, admin.id())).isInstanceOf(InvalidInput.class);
    users.remove(admin, member.session().user().id());
    assertThat(users.session(member.token())).as("signed out at once").isEmpty();
    assertThat(users.signIn("mel@removal.example", PASSWORD, "10.0.0.2").outcome())
        .isEqualTo(UserService.SignInOutcome.REFUSED);
    DashboardUser second = users.useLink(token(users.create(organization, "abe@removal.example", Role.ADMIN)), null,
        PASSWORD).session().user();
    users.remove(second, admin.id());
    assertThatThrownBy(() -> users.remove(second, second.id())).isInstanceOf(InvalidInput.class);

    DashboardUser stranger = users.useLink(token(users.create(keys.organization("Stranger Org"), "sal@stranger.example",
        Role.ADMIN)), null, PASSWORD).session().user();
    assertThatThrownBy(() -> users.remove(stranger, second.id())).isInstanceOf(NotFound.class);
  }
}
