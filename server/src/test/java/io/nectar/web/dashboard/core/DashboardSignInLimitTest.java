package io.nectar.web.dashboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import io.nectar.users.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in attempts are limited per e-mail (10 in 15 minutes) and per client address (30 in 15 minutes),
 * counted in the database; a limited attempt is refused even with the right password.
 */
class DashboardSignInLimitTest {
  TestServer server;
  DashboardWorld world;

  @BeforeEach
  void start() {
    server = TestServer.start();
    world = new DashboardWorld(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void tenWrongPasswordsForOneAddressStopTheEleventhEvenWhenRight() {
    world.person("Limits", "lena@limits.example", Role.ADMIN);
    for (int i = 0; i < 10; i++) {
      assertThat(new DashboardClient(server.baseUrl()).signIn("lena@limits.example", "wrong " + i).status())
          .isEqualTo(401);
    }
    Response limited = new DashboardClient(server.baseUrl()).signIn("Lena@limits.example", DashboardWorld.PASSWORD);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("900");
    assertThat(limited.body()).contains("Too many attempts");
    assertThat(DashboardClient.setCookies(limited)).noneMatch(c -> c.startsWith("nectar_session="));

    server.clock().advance(Duration.ofMinutes(16));
    assertThat(new DashboardClient(server.baseUrl()).signIn("lena@limits.example", DashboardWorld.PASSWORD).status())
        .as("the window has passed").isEqualTo(303);
  }

  @Test
  void thirtyAttemptsFromOneClientAddressStopTheNextForAnyAccount() {
    world.person("Limits", "lena@limits.example", Role.ADMIN);
    for (int i = 0; i < 30; i++) {
      assertThat(new DashboardClient(server.baseUrl()).signIn("guess" + i + "@limits.example", "guess").status())
          .isEqualTo(401);
    }
    assertThat(new DashboardClient(server.baseUrl()).signIn("lena@limits.example", DashboardWorld.PASSWORD).status())
        .isEqualTo(429);
  }
}
