package io.nectar.companies;

import io.nectar.sites.Site;
import java.util.List;

/** A company with its sites, as the Company object embeds them. */
public record CompanyDetails(Company company, List<Site> sites) {}
