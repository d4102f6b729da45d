package io.nectar.web.dashboard.data;

import io.nectar.keys.Environment;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.TestServer;
import io.nectar.users.NewSession;
import io.nectar.users.OneTimeLink;
import io.nectar.users.Role;
import io.nectar.web.dashboard.core.DashboardClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the data pages' tests share: a server whose public URL is its own address (so the signed file
 * links a bill's page frames work in a browser), and two organizations, A and B, each with a sandbox
 * company whose collection has finished (bills, usage, hourly readings), and people who sign in.
 */
final class DataWorld implements AutoCloseable {
  static final String PASSWORD = "a long enough dashboard password";

  final TestServer server;
  final TestServer.Tenant keyA;
  final TestServer.Tenant keyB;
  final SandboxCompany companyA;
  final SandboxCompany companyB;

  private DataWorld(TestServer server) {
    this.server = server;
    this.keyA = server.tenant("Org A", Environment.SANDBOX);
    this.keyB = server.tenant("Org B", Environment.SANDBOX);
    this.companyA = SandboxCompany.create(server, keyA.key(), "Alpha Foods");
    this.companyB = SandboxCompany.create(server, keyB.key(), "Bravo Steel");
  }

  static DataWorld start() {
    int port = freePort();
    return new DataWorld(TestServer.start(Map.of("NECTAR_PORT", Integer.toString(port),
        "NECTAR_PUBLIC_URL", "http://localhost:" + port)));
  }

  /** A browser-like client of a new person of {@code organization}, signed in and looking at {@code environment}. */
  DashboardClient signIn(String organization, String email, Environment environment) {
    NewSession session = session(organization, email);
    if (environment != session.session().environment()) {
      server.server().users().switchEnvironment(session.session(), environment);
    }
    DashboardClient client = new DashboardClient(server.baseUrl());
    client.setCookie("nectar_session", session.token());
    return client;
  }

  /** A new person's session (their one-time link used with {@link #PASSWORD}). */
  NewSession session(String organization, String email) {
    var keys = server.server().keys();
    OneTimeLink link = server.server().users().create(keys.organization(organization), email, Role.ADMIN);
    String path = URI.create(link.url()).getPath();
    return server.server().users().useLink(path.substring(path.lastIndexOf('/') + 1), null, PASSWORD);
  }

  UUID uuid(String id) {
    return UUID.fromString(id);
  }

  /** One id from the database, for fixtures the API does not list (an account, a meter with readings). */
  UUID one(String sql, Object... arguments) {
    return server.server().database().jdbi().withHandle(h -> {
      var query = h.createQuery(sql);
      for (int i = 0; i < arguments.length; i++) {
        query.bind(i, arguments[i]);
      }
      return query.mapTo(UUID.class).first();
    });
  }

  List<UUID> ids(String sql, Object... arguments) {
    return server.server().database().jdbi().withHandle(h -> {
      var query = h.createQuery(sql);
      for (int i = 0; i < arguments.length; i++) {
        query.bind(i, arguments[i]);
      }
      return query.mapTo(UUID.class).list();
    });
  }

  void execute(String sql, Object... arguments) {
    server.server().database().jdbi().useHandle(h -> h.execute(sql, arguments));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
