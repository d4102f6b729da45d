package io.nectar.client.service;

import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.UsageData;
import io.nectar.client.model.UsageUpdate;
import java.util.UUID;

/**
 * Usage records, listed by company, site, connection or document with a {@link DataFilter}, and
 * corrected one at a time. Which fields are filled depends on the version (see {@link UsageData}).
 */
public final class UsageService {
  private final Api api;

  public UsageService(Api api) {
    this.api = api;
  }

  public Page<UsageData> listByCompany(UUID companyId, DataFilter filter) {
    return listByCompany(companyId, filter, RequestOptions.DEFAULT);
  }

  public Page<UsageData> listByCompany(UUID companyId, DataFilter filter, RequestOptions options) {
    return list("/usage/company/" + companyId, filter, options);
  }

  public Page<UsageData> listBySite(UUID siteId, DataFilter filter) {
    return listBySite(siteId, filter, RequestOptions.DEFAULT);
  }

  public Page<UsageData> listBySite(UUID siteId, DataFilter filter, RequestOptions options) {
    return list("/usage/site/" + siteId, filter, options);
  }

  public Page<UsageData> listByConnection(UUID connectionId, DataFilter filter) {
    return listByConnection(connectionId, filter, RequestOptions.DEFAULT);
  }

  public Page<UsageData> listByConnection(UUID connectionId, DataFilter filter, RequestOptions options) {
    return list("/usage/connection/" + connectionId, filter, options);
  }

  public Page<UsageData> listByDocument(UUID documentId, DataFilter filter) {
    return listByDocument(documentId, filter, RequestOptions.DEFAULT);
  }

  public Page<UsageData> listByDocument(UUID documentId, DataFilter filter, RequestOptions options) {
    return list("/usage/document/" + documentId, filter, options);
  }

  public UsageData get(UUID usageId) {
    return get(usageId, RequestOptions.DEFAULT);
  }

  public UsageData get(UUID usageId, RequestOptions options) {
    return api.get("/usage/" + usageId, UsageData.class, options);
  }

  /** Corrects a usage record; the change fires {@code document.updated.v2}. */
  public UsageData update(UUID usageId, UsageUpdate update) {
    return update(usageId, update, RequestOptions.DEFAULT);
  }

  public UsageData update(UUID usageId, UsageUpdate update, RequestOptions options) {
    return api.patch("/usage/" + usageId, update, UsageData.class, options);
  }

  private Page<UsageData> list(String path, DataFilter filter, RequestOptions options) {
    return api.page(path, filter.usageQuery(), "usageData", UsageData.class, options, 1);
  }
}
