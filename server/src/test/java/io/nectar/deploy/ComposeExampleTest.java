package io.nectar.deploy;

import static io.nectar.deploy.DeployFiles.at;
import static io.nectar.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/compose.yaml} and its {@code Caddyfile}: two servers that are interchangeable behind the
 * proxy (one database, one bucket, one secret), settings the server reads, secrets left to {@code .env},
 * and every address pointing at a service that exists.
 */
class ComposeExampleTest {
  private static final Map<String, Object> COMPOSE = DeployFiles.yaml("compose.yaml");
  private static final Map<String, Object> SERVICES = map(COMPOSE, "services");
  private static final DeployFiles.ImageSettings IMAGE = DeployFiles.ImageSettings.fromPom();
  /** What an operator puts in deploy/.env for the required ${NAME:?…} values. */
  private static final Map<String, String> DOT_ENV = Map.of(
      "NECTAR_SECRET_KEY", "s".repeat(48),
      "POSTGRES_PASSWORD", "database-password",
      "S3_ACCESS_KEY_ID", "nectar",
      "S3_SECRET_ACCESS_KEY", "store-secret");

  @Test
  void atLeastTwoServersShareOneDatabaseOneBucketAndOneSecret() {
    List<String> servers = servers();
    assertThat(servers).hasSizeGreaterThanOrEqualTo(2);
    for (String name : List.of("DATABASE_URL", "NECTAR_SECRET_KEY", "NECTAR_BLOB_URL", "NECTAR_PUBLIC_URL",
        "AWS_ENDPOINT_URL_S3")) {
      Set<String> values = new TreeSet<>();
      for (String server : servers) {
        values.add(rawEnvironment(server).get(name));
      }
      assertThat(values).as(name + " of " + servers).hasSize(1).doesNotContainNull();
    }
    assertThat(environment(servers.get(0)).get("NECTAR_BLOB_URL")).startsWith("s3://");
  }

  @Test
  void theSecretsAreLeftToDotEnvAndRequired() {
    for (String server : servers()) {
      for (String name : List.of("NECTAR_SECRET_KEY", "AWS_SECRET_ACCESS_KEY")) {
        assertThat(rawEnvironment(server).get(name)).as(name).matches("\\$\\{" + "[A-Z0-9_]+:\\?.*}");
      }
      assertThat(rawEnvironment(server).get("DATABASE_URL")).contains("${POSTGRES_PASSWORD:?");
    }
    assertThat(DeployFiles.read(".env.example")).contains("NECTAR_SECRET_KEY=\n");
    assertThat(DeployFiles.read(".gitignore").lines()).contains(".env");
  }

  @Test
  void everySettingGivenIsOneTheServerReadsAndAccepts() {
    for (String server : servers()) {
      Map<String, String> environment = environment(server);
      assertThat(ConfigReads.namesReadFrom(environment)).as(server).containsAll(environment.keySet());
    }
  }

  @Test
  void theDatabaseAndTheStoreAreServicesOfThisFile() {
    Map<String, String> environment = environment(servers().get(0));
    String databaseHost = URI.create(environment.get("DATABASE_URL")).getHost();
    assertThat(at(SERVICES, databaseHost + ".image").map(String::valueOf)).hasValueSatisfying(
        image -> assertThat(image).startsWith("postgres:"));

    // The servers and the users' browsers reach the store by one name (presigned links carry it): a
    // network alias of the proxy, which hands it to the store service.
    String storeHost = URI.create(environment.get("AWS_ENDPOINT_URL_S3")).getHost();
    String proxy = serviceWithAlias(storeHost);
    String caddyfile = DeployFiles.read("Caddyfile");
    Matcher site = Pattern.compile("http://" + Pattern.quote(storeHost) + ":\\d+ \\{\\s*reverse_proxy (\\S+):\\d+")
        .matcher(caddyfile);
    assertThat(site.find()).as("a Caddy site for " + storeHost).isTrue();
    assertThat(SERVICES).containsKey(site.group(1));
    assertThat(at(SERVICES, proxy + ".volumes").map(String::valueOf).orElse("")).contains("./Caddyfile:");
  }

  @Test
  void theProxySpreadsRequestsOverEveryServer() {
    Matcher upstreams = Pattern.compile("reverse_proxy ((?:\\S+:8080\\s*)+)\\{").matcher(DeployFiles.read("Caddyfile"));
    assertThat(upstreams.find()).isTrue();
    List<String> hosts = new ArrayList<>();
    for (String upstream : upstreams.group(1).trim().split("\\s+")) {
      hosts.add(upstream.substring(0, upstream.indexOf(':')));
    }
    assertThat(hosts).containsExactlyInAnyOrderElementsOf(servers());
  }

  @Test
  void theServersKeepNothingOnTheirOwnDisk() {
    for (String server : servers()) {
      Map<String, Object> service = map(SERVICES, server);
      assertThat(service.get("read_only")).as(server).isEqualTo(true);
      assertThat(String.valueOf(service.get("tmpfs"))).contains(IMAGE.environment().get("NECTAR_DATA_DIR"), "/tmp");
      // The image's own non-root user, not overridden.
      assertThat(service).doesNotContainKey("user");
    }
  }

  /** The services that run the server image (their healthcheck is the server's HealthCheck). */
  static List<String> servers() {
    List<String> servers = new ArrayList<>();
    SERVICES.forEach((name, definition) -> {
      if (String.valueOf(at(definition, "healthcheck.test").orElse("")).contains("io.nectar.app.HealthCheck")) {
        servers.add(name);
      }
    });
    return servers;
  }

  static List<String> healthCheckCommand(String server) {
    @SuppressWarnings("unchecked")
    List<String> test = (List<String>) at(SERVICES, server + ".healthcheck.test").orElseThrow();
    return test;
  }

  private static Map<String, String> rawEnvironment(String server) {
    Map<String, String> environment = new LinkedHashMap<>();
    map(SERVICES, server + ".environment").forEach((name, value) -> environment.put(name, String.valueOf(value)));
    return environment;
  }

  private static Map<String, String> environment(String server) {
    Map<String, String> environment = new LinkedHashMap<>();
    rawEnvironment(server).forEach((name, value) -> environment.put(name, DeployFiles.interpolate(value, DOT_ENV)));
    return environment;
  }

  private static String serviceWithAlias(String host) {
    for (var service : SERVICES.entrySet()) {
      if (String.valueOf(at(service.getValue(), "networks.default.aliases").orElse("")).contains(host)) {
        return service.getKey();
      }
    }
    throw new AssertionError("no service answers for " + host);
  }
}
