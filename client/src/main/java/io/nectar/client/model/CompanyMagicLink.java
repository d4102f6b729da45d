package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A legacy (deprecated) link for creating connections; prefer {@link Invitation}s. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyMagicLink(String companyMagicLinkSecret, String publicCompanyId, String magicLinkUrl) {
}
