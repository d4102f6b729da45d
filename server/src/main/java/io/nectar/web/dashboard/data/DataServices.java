package io.nectar.web.dashboard.data;

import io.nectar.accounts.AccountService;
import io.nectar.companies.CompanyService;
import io.nectar.connections.ConnectionService;
import io.nectar.documents.DocumentLinks;
import io.nectar.documents.DocumentService;
import io.nectar.insights.InsightService;
import io.nectar.invitations.InvitationService;
import io.nectar.jobs.JobService;
import io.nectar.meters.MeterService;
import io.nectar.sites.SiteService;
import io.nectar.usage.UsageService;
import io.nectar.webhooks.WebhookService;
import java.util.Objects;

/** The services the data pages call: the API's own, so pages and API follow one set of rules. */
public record DataServices(CompanyService companies, SiteService sites, ConnectionService connections,
    AccountService accounts, MeterService meters, DocumentService documents, DocumentLinks documentLinks,
    UsageService usage, JobService jobs, InvitationService invitations, WebhookService webhooks,
    InsightService insights) {

  public DataServices {
    Objects.requireNonNull(companies, "companies");
    Objects.requireNonNull(sites, "sites");
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(documentLinks, "documentLinks");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(invitations, "invitations");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(insights, "insights");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DataServices} by name; every service must be set. */
  public static final class Builder {
    private CompanyService companies;
    private SiteService sites;
    private ConnectionService connections;
    private AccountService accounts;
    private MeterService meters;
    private DocumentService documents;
    private DocumentLinks documentLinks;
    private UsageService usage;
    private JobService jobs;
    private InvitationService invitations;
    private WebhookService webhooks;
    private InsightService insights;

    private Builder() {}

    public Builder companies(CompanyService companies) {
      this.companies = companies;
      return this;
    }

    public Builder sites(SiteService sites) {
      this.sites = sites;
      return this;
    }

    public Builder connections(ConnectionService connections) {
      this.connections = connections;
      return this;
    }

    public Builder accounts(AccountService accounts) {
      this.accounts = accounts;
      return this;
    }

    public Builder meters(MeterService meters) {
      this.meters = meters;
      return this;
    }

    public Builder documents(DocumentService documents) {
      this.documents = documents;
      return this;
    }

    public Builder documentLinks(DocumentLinks documentLinks) {
      this.documentLinks = documentLinks;
      return this;
    }

    public Builder usage(UsageService usage) {
      this.usage = usage;
      return this;
    }

    public Builder jobs(JobService jobs) {
      this.jobs = jobs;
      return this;
    }

    public Builder invitations(InvitationService invitations) {
      this.invitations = invitations;
      return this;
    }

    public Builder webhooks(WebhookService webhooks) {
      this.webhooks = webhooks;
      return this;
    }

    public Builder insights(InsightService insights) {
      this.insights = insights;
      return this;
    }

    public DataServices build() {
      return new DataServices(companies, sites, connections, accounts, meters, documents, documentLinks, usage,
          jobs, invitations, webhooks, insights);
    }
  }
}
