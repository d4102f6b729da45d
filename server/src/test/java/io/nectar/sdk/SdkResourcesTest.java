package io.nectar.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nectar.client.AuthenticationException;
import io.nectar.client.InvalidRequestException;
import io.nectar.client.NectarClient;
import io.nectar.client.NotFoundException;
import io.nectar.client.Page;
import io.nectar.client.PermissionException;
import io.nectar.client.RequestOptions;
import io.nectar.client.model.Account;
import io.nectar.client.model.AccountBulkUpdate;
import io.nectar.client.model.AccountUpdate;
import io.nectar.client.model.Branding;
import io.nectar.client.model.BrandingUpdate;
import io.nectar.client.model.Company;
import io.nectar.client.model.CompanyUpdate;
import io.nectar.client.model.Connection;
import io.nectar.client.model.ConnectionStatus;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.DatasourceType;
import io.nectar.client.model.Document;
import io.nectar.client.model.Interval;
import io.nectar.client.model.IntervalFilter;
import io.nectar.client.model.Invitation;
import io.nectar.client.model.InvitationStatus;
import io.nectar.client.model.Meter;
import io.nectar.client.model.NewCompany;
import io.nectar.client.model.NewConnection;
import io.nectar.client.model.NewInvitation;
import io.nectar.client.model.NewSite;
import io.nectar.client.model.NewWebhookEndpoint;
import io.nectar.client.model.Ping;
import io.nectar.client.model.SandboxBill;
import io.nectar.client.model.Site;
import io.nectar.client.model.SiteUpdate;
import io.nectar.client.model.UsageData;
import io.nectar.client.model.WebhookEndpoint;
import io.nectar.client.model.WebhookEndpointUpdate;
import io.nectar.keys.Environment;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK against the real server, resource by resource, as an integrator would use it: one sandbox
 * company whose first collection has finished (24 months of bills for five utility types), a second
 * tenant for what must stay invisible, and the typed exceptions the server's errors become.
 */
class SdkResourcesTest {
  static TestServer server;
  static TestServer.Tenant tenant;
  static NectarClient nectar;
  static SandboxCompany sandbox;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    tenant = server.tenant("SDK Org", Environment.SANDBOX);
    nectar = client(tenant.key());
    sandbox = SandboxCompany.create(server, tenant.key(), "SDK Sandbox Co");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static NectarClient client(String key) {
    return NectarClient.builder().apiKey(key).baseUrl(server.baseUrl() + "/v2.2").build();
  }

  static UUID id(String raw) {
    return UUID.fromString(raw);
  }

  @Test
  void pingNamesTheKeysOrganizationAndEnvironment() {
    Ping ping = nectar.ping();

    assertThat(ping.organization().id()).isEqualTo(tenant.organizationId());
    assertThat(ping.organization().name()).isEqualTo("SDK Org");
    assertThat(ping.environment()).isEqualTo(io.nectar.client.model.Environment.SANDBOX);
  }

  @Test
  void companiesAreCreatedReadUpdatedListedAndDeleted() {
    Company created = nectar.companies().create(NewCompany.builder("Acme Foods").externalId("crm-1")
        .impliedMeteringFraction(new BigDecimal("0.25")).build());

    assertThat(created.name()).isEqualTo("Acme Foods");
    assertThat(nectar.companies().get(created.id())).isEqualTo(created);
    Company renamed = nectar.companies().update(created.id(), CompanyUpdate.builder().name("Acme Fresh Foods").build());
    assertThat(renamed.name()).isEqualTo("Acme Fresh Foods");
    assertThat(renamed.externalId()).as("a PATCH changes only what it names").isEqualTo("crm-1");
    assertThat(renamed.impliedMeteringFraction()).isEqualByComparingTo("0.25");
    assertThat(nectar.companies().list()).extracting(Company::id).contains(created.id(), id(sandbox.companyId()));

    nectar.companies().delete(created.id());
    assertThat(nectar.companies().list()).extracting(Company::id).doesNotContain(created.id());
    assertThatThrownBy(() -> nectar.companies().get(created.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void sitesAreCreatedReadUpdatedAndArchived() {
    Company company = nectar.companies().create(NewCompany.builder("Site Co").build());
    Site site = nectar.sites().create(company.id(), NewSite.builder("Warehouse").address("1 Dock Road")
        .path(List.of("US", "NY")).occupancyPercent(new BigDecimal("87.5")).build());

    assertThat(nectar.sites().get(site.id())).isEqualTo(site);
    assertThat(site.occupancyPercent()).isEqualByComparingTo("87.5");
    Site moved = nectar.sites().update(site.id(), SiteUpdate.builder().address("2 Dock Road").build());
    assertThat(moved.address()).isEqualTo("2 Dock Road");
    assertThat(moved.name()).isEqualTo("Warehouse");
    assertThat(nectar.companies().get(company.id()).sites()).extracting(Site::id).containsExactly(site.id());

    nectar.sites().archive(site.id());
    assertThat(nectar.sites().get(site.id()).dataCollectionStopDate()).as("archived, and still readable")
        .isNotNull();
  }

  @Test
  void aSandboxConnectionIsCreatedConnectedAndListedWithItsAccountsAndMeters() {
    Company company = nectar.companies().create(NewCompany.builder("Connection Co").build());
    Site site = nectar.sites().create(company.id(), NewSite.builder("HQ").build());

    Connection connection = nectar.connections().create(company.id(), NewConnection.builder(
        "https://nectarclimate.com", "nectar-sandbox-username", "nectar-sandbox-password", List.of(site.id()), "US")
        .datasourceTypes(List.of(DatasourceType.GAS)).build());

    assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(connection.initialSites()).containsExactly(site.id());
    assertThat(nectar.connections().list(company.id()).items()).extracting(Connection::id)
        .containsExactly(connection.id());

    Connection collected = nectar.connections().get(id(sandbox.connectionId()));
    List<UUID> accountMeters = collected.accounts().stream().flatMap(a -> a.meters().stream()).toList();
    assertThat(accountMeters).isNotEmpty();
    List<Meter> meters = nectar.meters().listByConnection(collected.id()).stream().toList();
    assertThat(meters).extracting(Meter::id).containsExactlyInAnyOrderElementsOf(accountMeters);
    assertThat(meters).extracting(Meter::datasourceType).containsExactlyInAnyOrder(DatasourceType.ELECTRICITY,
        DatasourceType.SOLAR, DatasourceType.WATER, DatasourceType.GAS, DatasourceType.FUEL);
    Meter meter = meters.get(0);
    assertThat(nectar.meters().get(meter.id())).isEqualTo(meter);
    assertThat(meter.site()).isEqualTo(id(sandbox.siteId()));
    assertThat(nectar.meters().listBySite(id(sandbox.siteId())).stream()).extracting(Meter::id)
        .containsExactlyInAnyOrderElementsOf(accountMeters);
    assertThat(nectar.meters().listByCompany(id(sandbox.companyId())).stream()).extracting(Meter::id)
        .containsExactlyInAnyOrderElementsOf(accountMeters);
  }

  @Test
  void accountsAreStoppedAndResumedOneByOneAndTogether() {
    Connection connection = nectar.connections().get(id(sandbox.connectionId()));
    Account account = connection.accounts().get(0);

    Account stopped = nectar.accounts().update(account.id(), AccountUpdate.builder(false).build());
    assertThat(stopped.isTracked()).isFalse();
    List<Account> resumed = nectar.accounts().updateAll(id(sandbox.companyId()),
        AccountBulkUpdate.builder(List.of(account.id()), true).build());
    assertThat(resumed).extracting(Account::id).containsExactly(account.id());
    assertThat(resumed.get(0).isTracked()).isTrue();
  }

  @Test
  void intervalsOfASandboxConnectionAreReadForAWindow() {
    Document last = nectar.documents().listByConnection(id(sandbox.connectionId()), DataFilter.NONE).stream()
        .filter(d -> d.endDate() != null).max(java.util.Comparator.comparing(Document::endDate)).orElseThrow();
    Instant start = last.endDate().minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    IntervalFilter day = IntervalFilter.builder().start(start).end(start.plus(java.time.Duration.ofDays(1)))
        .build();

    Page<Interval> page = nectar.intervals().listByConnection(id(sandbox.connectionId()), day);
    List<Interval> intervals = page.stream().toList();

    assertThat(intervals).isNotEmpty().allSatisfy(i -> {
      assertThat(i.start()).isBeforeOrEqualTo(start.plus(java.time.Duration.ofDays(1)));
      assertThat(i.end()).isAfterOrEqualTo(start);
      assertThat(i.usage()).isNotNull();
    });
    assertThat(page.total()).hasValue(intervals.size());
  }

  @Test
  void documentsAreListedByCompanySiteAndConnectionFilteredReadAndDeleted() {
    UUID company = id(sandbox.companyId());
    DataFilter gas = DataFilter.builder().datasourceTypes(DatasourceType.GAS).build();

    Page<Document> first = nectar.documents().listByCompany(company, DataFilter.NONE);
    List<Document> all = first.stream().toList();
    assertThat(first.total()).hasValue(all.size());
    assertThat(all).hasSizeGreaterThanOrEqualTo(120);
    assertThat(all).extracting(Document::id).doesNotHaveDuplicates();
    assertThat(nectar.documents().listBySite(id(sandbox.siteId()), DataFilter.NONE).stream()).hasSameSizeAs(all);
    assertThat(nectar.documents().listByConnection(id(sandbox.connectionId()), DataFilter.NONE).stream())
        .hasSameSizeAs(all);
    List<Document> gasBills = nectar.documents().listByCompany(company, gas).stream().toList();
    assertThat(gasBills).isNotEmpty().hasSizeLessThan(all.size()).allSatisfy(d -> assertThat(d.usageData())
        .isNotEmpty());

    Document one = nectar.documents().get(gasBills.get(0).id());
    assertThat(one.totalCharges()).isEqualTo(gasBills.get(0).totalCharges());
    assertThat(one.company()).isEqualTo(company);

    Company other = nectar.companies().create(NewCompany.builder("Deleting Co").build());
    Site site = nectar.sites().create(other.id(), NewSite.builder("HQ").build());
    Connection connection = nectar.connections().create(other.id(), NewConnection.builder("https://nectarclimate.com",
        "nectar-sandbox-username", "nectar-sandbox-password", List.of(site.id()), "US").build());
    // Once the first collection has written its bills: see the report about issuing one earlier.
    await().atMost(Duration.ofSeconds(60)).until(() ->
        nectar.documents().listByConnection(connection.id(), DataFilter.NONE).total().orElse(0) > 0);
    SandboxBill bill = nectar.sandbox().createBill(connection.id());
    assertThat(bill.bills()).isNotEmpty();
    Document doomed = nectar.documents().listByConnection(connection.id(), DataFilter.NONE).items().get(0);
    nectar.documents().delete(doomed.id());
    assertThat(nectar.documents().listByConnection(connection.id(), DataFilter.NONE).stream())
        .extracting(Document::id).doesNotContain(doomed.id());
    assertThat(nectar.documents().listByConnection(connection.id(), DataFilter.builder().isDeleted(true).build())
        .stream()).extracting(Document::id).contains(doomed.id());
  }

  @Test
  void usageAutoPaginatesOverSeveralPagesToExactlyTheApisTotal() {
    Page<UsageData> first = nectar.usage().listByCompany(id(sandbox.companyId()), DataFilter.NONE);
    assertThat(first.hasNext()).as("the sandbox company has more than one page of usage").isTrue();
    assertThat(first.totalPages()).isGreaterThan(1);

    List<UsageData> rows = new ArrayList<>();
    for (UsageData row : first.autoPaginate()) {
      rows.add(row);
    }

    assertThat(first.total()).hasValue(rows.size());
    Set<UUID> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r.id()));
    assertThat(ids).as("no row twice, so no page was read twice").hasSize(rows.size());
    assertThat(rows).allSatisfy(r -> assertThat(r.usage()).isNotNull());
    assertThat(nectar.usage().listBySite(id(sandbox.siteId()), DataFilter.NONE).total()).isEqualTo(first.total());
    assertThat(nectar.usage().listByConnection(id(sandbox.connectionId()), DataFilter.NONE).total())
        .isEqualTo(first.total());

    UsageData row = rows.get(0);
    assertThat(nectar.usage().get(row.id()).usage()).isEqualTo(row.usage());
  }

  @Test
  void aUsageFilterIsKeptOnEveryPage() {
    DataFilter water = DataFilter.builder().datasourceTypes(DatasourceType.WATER).build();
    Page<UsageData> first = nectar.usage().listByCompany(id(sandbox.companyId()), water);

    List<UsageData> rows = first.stream().toList();

    assertThat(first.total()).hasValue(rows.size());
    assertThat(rows).isNotEmpty();
    assertThat(rows).allSatisfy(r -> assertThat(r.usageUnits()).isNotBlank());
    long all = nectar.usage().listByCompany(id(sandbox.companyId()), DataFilter.NONE).total().orElseThrow();
    assertThat((long) rows.size()).isLessThan(all);
  }

  @Test
  void invitationsAreCreatedListedReadAndRevoked() {
    Invitation invitation = nectar.invitations().create(id(sandbox.companyId()), NewInvitation.builder()
        .allowedEmails(List.of("facilities@example.com")).maxUses(2).build());

    assertThat(invitation.status()).isEqualTo(InvitationStatus.ACTIVE);
    assertThat(invitation.invitationUrl()).startsWith("http");
    assertThat(nectar.invitations().get(invitation.id()).id()).isEqualTo(invitation.id());
    assertThat(nectar.invitations().list(id(sandbox.companyId())).stream()).extracting(Invitation::id)
        .contains(invitation.id());

    Invitation revoked = nectar.invitations().revoke(invitation.id());
    assertThat(revoked.status()).isEqualTo(InvitationStatus.REVOKED);
  }

  @Test
  void webhookEndpointsAreManagedAndTheSecretShownOnlyOnCreationAndRotation() {
    WebhookEndpoint created = nectar.webhooks().createEndpoint(NewWebhookEndpoint.builder(
        "https://hooks.example.com/nectar").eventTypes(List.of("document.created.v2")).description("Sync").build());

    assertThat(created.secret()).startsWith("whsec_");
    assertThat(nectar.webhooks().getEndpoint(created.id()).secret()).isNull();
    assertThat(nectar.webhooks().listEndpoints()).extracting(WebhookEndpoint::id).contains(created.id());
    WebhookEndpoint disabled = nectar.webhooks().updateEndpoint(created.id(),
        WebhookEndpointUpdate.builder().disabled(true).build());
    assertThat(disabled.isDisabled()).isTrue();
    assertThat(disabled.eventTypes()).containsExactly("document.created.v2");
    String rotated = nectar.webhooks().rotateSecret(created.id()).secret();
    assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.secret());
    assertThat(nectar.webhooks().portalLink().url()).contains("/webhooks/portal/" + tenant.organizationId());

    nectar.webhooks().deleteEndpoint(created.id());
    assertThatThrownBy(() -> nectar.webhooks().getEndpoint(created.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void brandingIsReadAndChanged() {
    Branding changed = nectar.organization().updateBranding(BrandingUpdate.builder().name("Green Ops")
        .colour("#225533").build());

    assertThat(changed.name()).isEqualTo("Green Ops");
    assertThat(nectar.organization().branding()).isEqualTo(changed);
  }

  @Test
  void anotherTenantsIdsAreForbiddenAndUnknownIdsNotFound() {
    // CONTRACT §4: 403 for an object of another organization or environment, 404 for no such object.
    NectarClient stranger = client(server.tenant("Stranger Org", Environment.SANDBOX).key());

    assertThatThrownBy(() -> stranger.companies().get(id(sandbox.companyId())))
        .isInstanceOfSatisfying(PermissionException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.detail()).isNotBlank();
          assertThat(e.requestId()).isPresent();
        });
    assertThatThrownBy(() -> stranger.documents().listByCompany(id(sandbox.companyId()), DataFilter.NONE))
        .isInstanceOf(PermissionException.class);
    assertThatThrownBy(() -> stranger.connections().get(id(sandbox.connectionId())))
        .isInstanceOf(PermissionException.class);
    assertThatThrownBy(() -> nectar.companies().get(UUID.randomUUID()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.detail()).isNotBlank();
          assertThat(e.requestId()).isPresent();
        });
    assertThatThrownBy(() -> nectar.documents().get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aWrongKeyIsAnAuthenticationFailureCarryingTheRequestId() {
    NectarClient wrong = client("nk_test_not-a-real-key");

    assertThatThrownBy(wrong::ping).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.requestId()).isPresent();
      assertThat(e.getMessage()).contains(e.requestId().get());
    });
    assertThatThrownBy(() -> nectar.ping(RequestOptions.builder().apiKey("nk_test_other-wrong-key").build()))
        .as("a per-request key overrides the client's").isInstanceOf(AuthenticationException.class);
  }

  @Test
  void anInvalidBodyIsAnInvalidRequestWithTheFieldsErrors() {
    Company company = nectar.companies().create(NewCompany.builder("Invalid Co").build());
    Site elsewhere = nectar.sites().create(id(sandbox.companyId()), NewSite.builder("Not yours").build());

    assertThatThrownBy(() -> nectar.connections().create(company.id(), NewConnection.builder(
        "https://nectarclimate.com", "nectar-sandbox-username", "nectar-sandbox-password", List.of(elsewhere.id()),
        "US").build())).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.fieldErrors()).containsKey("sites");
          assertThat(e.fieldErrors().get("sites")).isNotEmpty();
        });
  }
}
