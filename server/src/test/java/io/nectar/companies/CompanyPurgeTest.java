package io.nectar.companies;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.Environment;
import io.nectar.testing.TestServer;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DELETE /company/{id} answers at once; the company and everything under it are removed in the background. */
class CompanyPurgeTest {
  static TestServer server;
  static Jdbi jdbi;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    jdbi = server.server().database().jdbi();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDeletedCompanyAndItsSitesAreRemovedFromTheDatabase() throws InterruptedException {
    var tenant = server.tenant("Purge Org", Environment.SANDBOX);
    String companyId = server.postJson("/v2.2/company", tenant.key(), "{\"name\":\"Doomed\"}").json().get("id").asText();
    server.postJson("/v2.2/site/company/" + companyId, tenant.key(), "{\"name\":\"Site A\"}");
    server.postJson("/v2.2/site/company/" + companyId, tenant.key(), "{\"name\":\"Site B\"}");

    assertThat(server.delete("/v2.2/company/" + companyId, tenant.key()).status()).isEqualTo(204);

    assertThat(server.get("/v2.2/company/" + companyId, tenant.key()).status()).isEqualTo(404);
    awaitTrue(() -> count("select count(*) from company where id = '" + companyId + "'") == 0);
    assertThat(count("select count(*) from site where company_id = '" + companyId + "'")).isZero();
  }

  @Test
  void aDeletionInterruptedByAStopIsFinishedAtTheNextStart() throws Exception {
    var tenant = server.tenant("Resume Org", Environment.SANDBOX);
    String companyId = server.postJson("/v2.2/company", tenant.key(), "{\"name\":\"Half deleted\"}").json().get("id").asText();
    server.postJson("/v2.2/site/company/" + companyId, tenant.key(), "{\"name\":\"Site\"}");
    // What a stop right after the DELETE leaves behind: the mark, not yet the purge.
    jdbi.useHandle(h -> h.execute("update company set deleted_at = now() where id = ?", UUID.fromString(companyId)));

    try (CompanyPurger purger = new CompanyPurger(jdbi)) {
      purger.resumePending();
      awaitTrue(() -> count("select count(*) from company where id = '" + companyId + "'") == 0);
    }
    assertThat(count("select count(*) from site where company_id = '" + companyId + "'")).isZero();
  }

  private static long count(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
  }
}
