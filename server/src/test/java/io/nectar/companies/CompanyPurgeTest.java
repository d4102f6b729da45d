package io.nectar.companies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.storage.BlobStore;
import io.nectar.storage.FileBlobStore;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Links;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DELETE /company/{id} answers at once; the company, everything under it and its files are removed
 * in the background, rows first, and a purge that a stop interrupted is finished at the next start.
 */
class CompanyPurgeTest {
  static TestServer server;
  static Fixtures fixtures;
  static Jdbi jdbi;
  static Path blobFolder;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    jdbi = server.server().database().jdbi();
    blobFolder = server.server().config().dataDir().resolve("blobs");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDeletedCompanyAndItsSitesAreRemovedFromTheDatabase() {
    var tenant = server.tenant("Purge Org", Environment.SANDBOX);
    String companyId = fixtures.company(tenant.key(), "Doomed");
    fixtures.site(tenant.key(), companyId, "Site A");
    fixtures.site(tenant.key(), companyId, "Site B");

    assertThat(server.delete("/v2.2/company/" + companyId, tenant.key()).status()).isEqualTo(204);

    assertThat(server.get("/v2.2/company/" + companyId, tenant.key()).status()).isEqualTo(404);
    awaitGone(companyId);
    assertThat(fixtures.count("site", "company_id", companyId)).isZero();
  }

  @Test
  void aDeletionInterruptedByAStopIsFinishedAtTheNextStart() {
    var tenant = server.tenant("Resume Org", Environment.SANDBOX);
    String companyId = fixtures.company(tenant.key(), "Half deleted");
    fixtures.site(tenant.key(), companyId, "Site");
    // What a stop right after the DELETE leaves behind: the mark, not yet the purge.
    jdbi.useHandle(h -> h.execute("update company set deleted_at = now() where id = ?", UUID.fromString(companyId)));

    try (CompanyPurger purger = new CompanyPurger(jdbi, serversBlobStore())) {
      purger.resumePending();
      awaitGone(companyId);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    assertThat(fixtures.count("site", "company_id", companyId)).isZero();
  }

  @Test
  void aDeletedCompanysDocumentLinksAnswer404AndItsFilesAreGoneFromTheDataFolder() {
    var tenant = server.tenant("Files Org", Environment.SANDBOX);
    Collected company = collectedSandboxCompany(tenant.key(), "Filed");
    String url = documentUrl(tenant.key(), company.id());
    assertThat(Links.get(server, url).statusCode()).as("the link before the deletion").isEqualTo(200);
    assertThat(company.files()).allSatisfy(file -> assertThat(file).isRegularFile());

    assertThat(server.delete("/v2.2/company/" + company.id(), tenant.key()).status()).isEqualTo(204);
    awaitPurged(company);

    HttpResponse<byte[]> file = Links.get(server, url);
    assertThat(file.statusCode()).isEqualTo(404);
    assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/json"));
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).contains("\"detail\"");
    assertThat(company.files()).allSatisfy(gone -> assertThat(gone).doesNotExist());
    assertThat(regularFilesUnder(company.connectionFolder())).isEmpty();
  }

  @Test
  void filesLeftByAPurgeStoppedBetweenItsRowsAndItsFilesAreDeletedAtTheNextStart() throws InterruptedException {
    var tenant = server.tenant("Crash Org", Environment.SANDBOX);
    Collected company = collectedSandboxCompany(tenant.key(), "Crashed");
    // What a stop between the two steps leaves behind: the rows deleted (as the purger deletes them,
    // in one transaction), the files still on disk.
    jdbi.useTransaction(h -> {
      CompanyStore store = new CompanyStore();
      store.markDeleted(h, UUID.fromString(company.id()), java.time.Instant.now());
      store.purge(h, UUID.fromString(company.id()));
    });
    assertThat(fixtures.count("document", "company_id", company.id())).isZero();
    assertThat(company.files()).allSatisfy(file -> assertThat(file).isRegularFile());

    try (CompanyPurger purger = new CompanyPurger(jdbi, serversBlobStore())) {
      purger.resumePending();
      awaitNoneQueued(company.blobKeys());
    }

    assertThat(company.files()).allSatisfy(gone -> assertThat(gone).doesNotExist());
  }

  @Test
  void aQueuedFileThatALiveDocumentStillRefersToIsKept() throws InterruptedException {
    var tenant = server.tenant("Shared Org", Environment.SANDBOX);
    Collected company = collectedSandboxCompany(tenant.key(), "Still here");
    String url = documentUrl(tenant.key(), company.id());
    String key = company.blobKeys().get(0);
    jdbi.useHandle(h -> h.execute("insert into blob_deletion (blob_key) values (?)", key));

    try (CompanyPurger purger = new CompanyPurger(jdbi, serversBlobStore())) {
      purger.resumePending();
      awaitNoneQueued(List.of(key));
    }

    assertThat(blobFolder.resolve(key)).isRegularFile();
    assertThat(Links.get(server, url).statusCode()).isEqualTo(200);
  }

  /** A sandbox company whose one connection has been collected, with the files of its documents. */
  record Collected(String id, Path connectionFolder, List<String> blobKeys) {
    List<Path> files() {
      return blobKeys.stream().map(blobFolder::resolve).toList();
    }
  }

  private static Collected collectedSandboxCompany(String key, String name) {
    String companyId = fixtures.company(key, name);
    String site = fixtures.site(key, companyId, name + " site");
    String connectionId = fixtures.sandboxConnection(key, companyId, List.of(site), 1, "");
    fixtures.awaitCollected(connectionId);
    List<String> blobKeys = jdbi.withHandle(h -> h.createQuery(
            "select blob_key from document where company_id = :id and blob_key is not null order by blob_key")
        .bind("id", UUID.fromString(companyId)).mapTo(String.class).list());
    assertThat(blobKeys).as("documents with files").isNotEmpty();
    return new Collected(companyId, blobFolder.resolve("connections").resolve(connectionId), blobKeys);
  }

  private static String documentUrl(String key, String companyId) {
    Response documents = server.get("/v2.2/document/company/" + companyId, key);
    assertThat(documents.status()).as(documents.toString()).isEqualTo(200);
    JsonNode first = documents.json().get("documents").get(0);
    assertThat(first.path("url").isTextual()).as(first.toString()).isTrue();
    return first.get("url").asText();
  }

  /** The server's own blob store, as a purger of a restarted server would open it. */
  private static BlobStore serversBlobStore() {
    return new FileBlobStore(blobFolder);
  }

  /** The purge is over once the company's row is gone and none of its files waits in the queue. */
  private static void awaitPurged(Collected company) {
    awaitGone(company.id());
    awaitNoneQueued(company.blobKeys());
  }

  private static void awaitGone(String companyId) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> fixtures.count("select count(*) from company where id = '" + companyId + "'") == 0);
  }

  /** Files leave the deletion queue only once deleted (or kept on purpose): the positive signal that the purger ran. */
  private static void awaitNoneQueued(List<String> blobKeys) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> jdbi.withHandle(h -> h.createQuery(
                "select count(*) from blob_deletion where blob_key = any(:keys)")
            .bindArray("keys", String.class, blobKeys).mapTo(Long.class).one()) == 0);
  }

  private static List<Path> regularFilesUnder(Path folder) {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
