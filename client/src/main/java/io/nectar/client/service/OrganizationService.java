package io.nectar.client.service;

import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.Branding;
import io.nectar.client.model.BrandingUpdate;

/** The organization's own settings: the branding of the hosted connection and invitation pages. */
public final class OrganizationService {
  private final Api api;

  public OrganizationService(Api api) {
    this.api = api;
  }

  public Branding branding() {
    return branding(RequestOptions.DEFAULT);
  }

  public Branding branding(RequestOptions options) {
    return api.get("/organization/branding", Branding.class, options);
  }

  public Branding updateBranding(BrandingUpdate update) {
    return updateBranding(update, RequestOptions.DEFAULT);
  }

  public Branding updateBranding(BrandingUpdate update, RequestOptions options) {
    return api.patch("/organization/branding", update, Branding.class, options);
  }
}
