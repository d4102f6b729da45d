package io.nectar.invitations;

import io.nectar.companies.Company;
import io.nectar.companies.CompanyService;
import io.nectar.connections.Connection;
import io.nectar.connections.ConnectionService;
import io.nectar.connections.ConnectionService.ConnectionDetails;
import io.nectar.errors.InvalidInput;
import io.nectar.keys.Caller;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The API side of the legacy magic links (nectar-api.md §11.2): who may make them and what they may
 * carry. Nothing is stored: the link is its own record, sealed by {@link MagicLinks}.
 */
public final class MagicLinkService {
  /** A company link as the API returns it. */
  record CompanyLink(String companyMagicLinkSecret, String publicCompanyId, String magicLinkUrl) {}

  /** An edit link: the connection it edits, and its secret. */
  record ConnectionLink(ConnectionDetails connection, String secret, String magicLinkUrl) {}

  private final Jdbi jdbi;
  private final CompanyService companies;
  private final SiteService sites;
  private final ConnectionService connections;
  private final MagicLinks links;
  private final String publicUrl;

  public MagicLinkService(Jdbi jdbi, CompanyService companies, SiteService sites, ConnectionService connections,
      MagicLinks links, String publicUrl) {
    this.jdbi = jdbi;
    this.companies = companies;
    this.sites = sites;
    this.connections = connections;
    this.links = links;
    this.publicUrl = publicUrl;
  }

  /** A company link; the company is checked before the body is read, and the sites must be the company's. */
  CompanyLink companyLink(Caller caller, UUID companyId, Supplier<Prefill> body) {
    return jdbi.inTransaction(h -> {
      Company company = companies.requireOwned(h, caller, companyId);
      Prefill prefill = body.get();
      if (prefill.dataCollectionStartDate() != null) {
        companies.collectionStartDates().require("dataCollectionStartDate", prefill.dataCollectionStartDate());
      }
      Set<UUID> own = sites.byCompanies(h, List.of(companyId)).stream().map(Site::id).collect(Collectors.toSet());
      Set<UUID> foreign = new LinkedHashSet<>(prefill.initialSites());
      foreign.removeAll(own);
      if (!foreign.isEmpty()) {
        throw InvalidInput.field("sites", "No site of this company has the id(s) " + foreign + ".");
      }
      String secret = links.companySecret(company, prefill);
      return new CompanyLink(secret, company.publicId(),
          publicUrl + "/p/connect/" + company.publicId() + "/" + secret);
    });
  }

  /** An edit link for one of the caller's connections. */
  ConnectionLink connectionLink(Caller caller, UUID connectionId, Runnable checkBody) {
    return jdbi.inTransaction(h -> {
      Connection connection = connections.requireOwned(h, caller, connectionId);
      Company company = companies.requireOwned(h, caller, connection.companyId());
      checkBody.run();
      ConnectionDetails details = connections.details(h, connectionId).orElseThrow();
      String secret = links.connectionSecret(company, connection);
      return new ConnectionLink(details, secret,
          publicUrl + "/p/connect/" + company.publicId() + "/workflow/" + secret);
    });
  }
}
