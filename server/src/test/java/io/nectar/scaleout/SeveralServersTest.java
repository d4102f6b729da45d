package io.nectar.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.http.Json;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.Receiver;
import io.nectar.testing.S3Server;
import io.nectar.testing.ServerProcess;
import io.nectar.testing.ServerProcess.Timings;
import io.nectar.testing.TestDatabase;
import mockwebserver3.MockResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The production shape (issue 13): three server processes with data folders of their own, one
 * PostgreSQL, one bucket, behind no shared disk. A sandbox connection is collected, bills are uploaded
 * and webhooks delivered while the server caught sending the first event is killed with SIGKILL;
 * afterwards every document exists once, its file is readable through every server (a new one
 * started after the kill too), every event reached the receiver (the interrupted one again, from
 * another server), and no upload or collection was done twice.
 */
class SeveralServersTest {
  private static final String KEY = "nk_test_several_servers_0000001";
  private static final int UPLOADS = 6;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void threeServersShareTheWorkAndTheFilesAndSurviveTheLossOfOne() {
    String database = TestDatabase.freshDatabaseUrl();
    Jdbi db = Jdbi.create(database);
    List<ServerProcess> started = new ArrayList<>();
    try (S3Server s3 = S3Server.start(); Receiver receiver = new Receiver()) {
      java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
      receiver.answer(d -> requests.incrementAndGet() == 1
          ? new MockResponse.Builder().code(200).headersDelay(60, TimeUnit.SECONDS).build()
          : new MockResponse.Builder().code(200).body("ok").build());
      Map<String, String> settings = new HashMap<>(s3.settings());
      settings.put("DATABASE_URL", database);
      settings.put("NECTAR_SECRET_KEY", "several-servers-test-secret-0123456789abcdef");
      settings.put("NECTAR_BOOTSTRAP_KEY", KEY);
      settings.put("NECTAR_ALLOW_PRIVATE_TARGETS", "true"); // the receiver is on 127.0.0.1
      // The hung first delivery stays in flight this long; its lease (twice this and 5 s) then lets another take it.
      settings.put("NECTAR_WEBHOOK_TIMEOUT", "3s");
      // The first server migrates and makes the key; the two others then start side by side.
      ServerProcess one = start(started, "server-1", settings).awaitReady(Duration.ofSeconds(60));
      ServerProcess two = start(started, "server-2", settings);
      ServerProcess three = start(started, "server-3", settings);
      two.awaitReady(Duration.ofSeconds(60));
      three.awaitReady(Duration.ofSeconds(60));

      created(post(one, "/v2.2/webhook/endpoint", "{\"url\": \"" + receiver.url() + "\"}"));
      String company = created(post(three, "/v2.2/company", "{\"name\": \"Shared Co\"}"));
      String site = created(post(one, "/v2.2/site/company/" + company, "{\"name\": \"HQ\"}"));
      String uploadsCompany = created(post(two, "/v2.2/company", "{\"name\": \"Uploads Co\"}"));
      Map<String, byte[]> bills = bills();
      List<String> jobs = new ArrayList<>();
      int i = 0;
      for (var bill : bills.entrySet()) {
        ServerProcess via = i++ % 2 == 0 ? two : three;
        jobs.add(created(upload(via, "/v2.2/job/company/" + uploadsCompany, bill.getKey(), bill.getValue())));
      }
      String connection = created(post(two, "/v2.2/connection/company/" + company, """
          {"url": "https://nectarclimate.com", "username": "nectar-sandbox-username",
           "password": "nectar-sandbox-password", "sites": ["%s"], "country": "US",
           "dataCollectionStartDate": "%s"}""".formatted(site,
          YearMonth.from(LocalDate.now(ZoneOffset.UTC)).minusMonths(4).atDay(1))));

      // SIGKILL the server whose delivery of the first event hangs at the receiver: it dies mid-delivery.
      List<ServerProcess> first = List.of(one, two, three);
      ServerProcess victim = await("a delivery in flight").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> first.stream().filter(s -> webhooksInFlight(s) > 0).findFirst(), java.util.Optional::isPresent)
          .orElseThrow();
      long unfinishedAtKill = count(db, "select count(*) from job_upload where state <> 'DONE'");
      victim.kill();
      // A fresh server, with an empty data folder, joins after the kill.
      ServerProcess four = start(started, "server-4", settings);

      await("all work done").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() ->
          count(db, "select count(*) from job_upload where state <> 'DONE'") == 0
              && count(db, "select count(*) from upload_job where status = 'PENDING'") == 0
              && count(db, "select count(*) from connection where collected_at is null") == 0
              && count(db, "select count(*) from webhook_delivery where status <> 'SUCCEEDED'") == 0);
      four.awaitReady(Duration.ofSeconds(60));
      List<ServerProcess> alive = new ArrayList<>(List.of(one, two, three, four));
      alive.remove(victim);
      ServerProcess any = alive.get(0);

      // Every upload became exactly one document, filed once (a second filing would be a DUPLICATE).
      for (String job : jobs) {
        JsonNode status = get(any, "/v2.2/job/" + job);
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.at("/files/0/outcome").asText()).as(status.toString()).isEqualTo("DOCUMENT");
      }
      assertThat(count(db, "select count(*) from document where upload_id is not null")).isEqualTo(UPLOADS);
      assertThat(count(db, "select count(distinct file_sha256) from document where upload_id is not null"))
          .isEqualTo(UPLOADS);
      // Every document once: each was created once, by one statement, and announced once.
      assertThat(count(db, """
          select count(*) from document d where (select count(*) from document_event e
            where e.document_id = d.id and e.kind = 'CREATED') <> 1""")).isZero();
      Map<String, Long> createdEvents = db.withHandle(h -> h.createQuery(
          "select payload from webhook_message where event_type = 'document.created.v2'").mapTo(String.class).list())
          .stream().map(p -> parse(p).path("id").asText())
          .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
      long documents = count(db, "select count(*) from document");
      assertThat(createdEvents).hasSize((int) documents);
      assertThat(createdEvents.values()).containsOnly(1L);

      // Every event reached the receiver at least once.
      Set<String> messages = new HashSet<>(db.withHandle(h -> h.createQuery("select id::text from webhook_message")
          .mapTo(String.class).list()));
      Set<String> delivered = receiver.deliveries().stream().map(Receiver.Delivery::id).collect(Collectors.toSet());
      assertThat(messages).isNotEmpty();
      assertThat(delivered).containsAll(messages);

      // Every server lists every document once and serves its file, straight from the bucket or through itself.
      for (String owner : List.of(company, uploadsCompany)) {
        List<JsonNode> listed = listAll(any, "/v2.2/document/company/" + owner);
        assertThat(listed.stream().map(d -> d.path("id").asText()).distinct()).hasSameSizeAs(listed);
        for (ServerProcess server : alive) {
          assertThat(listAll(server, "/v2.2/document/company/" + owner)).hasSameSizeAs(listed);
        }
        for (JsonNode document : listed) {
          String id = document.path("id").asText();
          String sha256 = db.withHandle(h -> h.createQuery("select file_sha256 from document where id = :id")
              .bind("id", UUID.fromString(id)).mapTo(String.class).one());
          for (ServerProcess server : alive) {
            byte[] file = download(server, get(server, "/v2.2/document/" + id).path("url").asText());
            assertThat(new String(file, 0, 5, StandardCharsets.ISO_8859_1)).as(id + " via " + server).isEqualTo("%PDF-");
            if (sha256 != null) {
              assertThat(sha256(file)).as(id + " via " + server).isEqualTo(sha256);
            }
          }
        }
      }
      assertThat(count(db, "select count(*) from document where connection_id = '" + UUID.fromString(connection) + "'"))
          .as("documents collected").isPositive();
      // The delivery the victim died in was sent again by another server.
      assertThat(receiver.deliveries()).hasSizeGreaterThan(delivered.size());
      System.out.printf("several servers: %s killed; %d documents, %d events (%d deliveries), %d of %d uploads "
          + "unfinished at the kill, %d taken over%n", victim.name(), documents, messages.size(),
          receiver.deliveries().size(), unfinishedAtKill, UPLOADS,
          count(db, "select count(*) from job_upload where attempts > 1"));
    } finally {
      started.forEach(ServerProcess::close);
    }
  }

  private static ServerProcess start(List<ServerProcess> started, String name, Map<String, String> settings) {
    ServerProcess server = ServerProcess.start(name, settings, Timings.QUICK_RECOVERY);
    started.add(server);
    return server;
  }

  /** Sandbox statements of accounts no connection collects (other seeds), as utilities print them. */
  private static Map<String, byte[]> bills() {
    Map<String, byte[]> bills = new java.util.LinkedHashMap<>();
    List<DatasourceType> types = List.of(DatasourceType.ELECTRICITY, DatasourceType.GAS, DatasourceType.WATER);
    for (int seed = 1; bills.size() < UPLOADS; seed++) {
      DatasourceType type = types.get(seed % types.size());
      YearMonth month = YearMonth.of(2024, 1).plusMonths(seed % 12);
      Collection collected = new SandboxProvider().collect(new CollectionRequest(new UUID(seed, 1313), "nectar-sandbox-username",
          "nectar-sandbox-password", "US", List.of(new UUID(seed, 29)), Set.of(type), month.atDay(1),
          month.plusMonths(1).atDay(2), 0, null));
      bills.put("bill-" + seed + "-" + type.name().toLowerCase() + ".pdf", collected.bills().get(0).pdf());
    }
    return bills;
  }

  /** The deliveries a server is sending right now, from its metrics. */
  private int webhooksInFlight(ServerProcess server) {
    HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics")).GET());
    return metrics.body().lines().filter(l -> l.startsWith("nectar_webhook_in_flight"))
        .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private List<JsonNode> listAll(ServerProcess server, String path) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode body = get(server, path + "?page=" + page);
      body.path("documents").forEach(all::add);
      if (!body.path("hasNext").asBoolean()) {
        return all;
      }
    }
  }

  private HttpResponse<String> post(ServerProcess server, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> upload(ServerProcess server, String path, String fileName, byte[] pdf) {
    String boundary = "several-servers-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private JsonNode get(ServerProcess server, String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
    assertThat(response.statusCode()).as(server + " " + path + ": " + response.body()).isEqualTo(200);
    return parse(response.body());
  }

  /** A document's {@code url}: a presigned URL of the bucket, or the server's own signed /files/ link. */
  private byte[] download(ServerProcess server, String url) {
    URI uri = URI.create(url);
    URI target = uri.getPath().startsWith("/files/")
        ? URI.create(server.baseUrl() + uri.getRawPath() + "?" + uri.getRawQuery())
        : uri;
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).GET()
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(server + " " + url).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.header("X-API-Key", KEY).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(201);
    return parse(response.body()).path("id").asText();
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long count(Jdbi db, String sql) {
    return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
