package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A link (valid for 7 days) to the page where a person manages webhook endpoints. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookPortalLink(String url) {
}
