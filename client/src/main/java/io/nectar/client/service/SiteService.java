package io.nectar.client.service;

import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.NewSite;
import io.nectar.client.model.Site;
import io.nectar.client.model.SiteUpdate;
import java.util.UUID;

/**
 * Sites of a company. There is no site list: a company's sites come embedded in
 * {@link CompanyService#get(UUID)}. Deleting a site archives it (sets its
 * {@code dataCollectionStopDate}); its data stays.
 */
public final class SiteService {
  private final Api api;

  public SiteService(Api api) {
    this.api = api;
  }

  public Site create(UUID companyId, NewSite site) {
    return create(companyId, site, RequestOptions.DEFAULT);
  }

  public Site create(UUID companyId, NewSite site, RequestOptions options) {
    return api.post("/site/company/" + companyId, site, Site.class, options);
  }

  public Site get(UUID siteId) {
    return get(siteId, RequestOptions.DEFAULT);
  }

  public Site get(UUID siteId, RequestOptions options) {
    return api.get("/site/" + siteId, Site.class, options);
  }

  public Site update(UUID siteId, SiteUpdate update) {
    return update(siteId, update, RequestOptions.DEFAULT);
  }

  public Site update(UUID siteId, SiteUpdate update, RequestOptions options) {
    return api.patch("/site/" + siteId, update, Site.class, options);
  }

  /** Archives the site ({@code DELETE /site/{id}}): collection stops, history stays. */
  public void archive(UUID siteId) {
    archive(siteId, RequestOptions.DEFAULT);
  }

  public void archive(UUID siteId, RequestOptions options) {
    api.delete("/site/" + siteId, options);
  }
}
