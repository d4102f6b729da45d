package io.nectar.web.dashboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.KeyService;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import io.nectar.users.OneTimeLink;
import io.nectar.users.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** People of organizations on a test server, signed in through their one-time links as a person would be. */
public final class DashboardWorld {
  public static final String PASSWORD = "correct horse battery staple";
  private static final Pattern LINK = Pattern.compile("href=\"(/dashboard[^\"#]*)\"");
  private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"(/dashboard[^\"]*)\"");

  private final TestServer server;

  public DashboardWorld(TestServer server) {
    this.server = server;
  }

  public TestServer server() {
    return server;
  }

  /** A new person of {@code organization} (made on first use), signed in by choosing their password. */
  public DashboardClient person(String organization, String email, Role role) {
    KeyService keys = server.server().keys();
    OneTimeLink link = server.server().users().create(keys.organization(organization), email, role);
    DashboardClient client = new DashboardClient(server.baseUrl());
    String path = DashboardClient.pathOf(link.url());
    Response page = client.get(path);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    Response set = client.postWithToken(path, Map.of("password", PASSWORD));
    assertThat(set.status()).as(set.body()).isEqualTo(303);
    assertThat(set.header("Location")).isEqualTo("/dashboard");
    return client;
  }

  /** A fresh browser signed in as {@code email}. */
  public DashboardClient signedIn(String email) {
    DashboardClient client = new DashboardClient(server.baseUrl());
    Response answer = client.signIn(email, PASSWORD);
    assertThat(answer.status()).as(answer.body()).isEqualTo(303);
    return client;
  }

  /** What a person reaches by following the dashboard's links from the overview: each page's path and body. */
  public static Map<String, String> crawl(DashboardClient client, List<String> starts) {
    Map<String, String> pages = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>(starts);
    while (!queue.isEmpty() && pages.size() < 200) {
      String path = queue.poll();
      if (pages.containsKey(path) || path.startsWith("/dashboard/assets/")) {
        continue;
      }
      Response page = client.get(path);
      pages.put(path, page.status() == 200 ? page.body() : "");
      if (page.status() == 200) {
        Matcher m = LINK.matcher(page.body());
        while (m.find()) {
          queue.add(m.group(1).replace("&amp;", "&"));
        }
      }
    }
    return pages;
  }

  /** The actions of every POST form on {@code pages}. */
  public static Set<String> formActions(Map<String, String> pages) {
    Set<String> actions = new LinkedHashSet<>();
    pages.values().forEach(body -> {
      Matcher m = FORM.matcher(body);
      while (m.find()) {
        actions.add(m.group(1));
      }
    });
    return actions;
  }

  /** The pages {@link #crawl} starts from: the overview and each settings page. */
  public static List<String> starts() {
    return new ArrayList<>(List.of("/dashboard", "/dashboard/settings/keys", "/dashboard/settings/branding",
        "/dashboard/settings/users"));
  }
}
