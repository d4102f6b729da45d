package io.nectar.jobs;

import io.nectar.accounts.AccountService;
import io.nectar.companies.CompanyService;
import io.nectar.documents.DocumentService;
import io.nectar.meters.MeterService;
import io.nectar.sites.SiteService;
import io.nectar.storage.BlobStore;
import io.nectar.usage.UsageService;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * What the upload worker and bill filing work with: the server's services, handed over once they
 * exist. Filing may need more of them as it grows; add them here.
 */
public record FilingServices(
    Jdbi jdbi,
    Clock clock,
    Supplier<UUID> ids,
    BlobStore blobs,
    CompanyService companies,
    SiteService sites,
    AccountService accounts,
    MeterService meters,
    DocumentService documents,
    UsageService usage) {}
