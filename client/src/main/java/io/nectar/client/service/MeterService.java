package io.nectar.client.service;

import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.Meter;
import java.util.UUID;

/** Meters, one at a time or listed by company, site or connection (paginated, no filters). */
public final class MeterService {
  private final Api api;

  public MeterService(Api api) {
    this.api = api;
  }

  public Meter get(UUID meterId) {
    return get(meterId, RequestOptions.DEFAULT);
  }

  public Meter get(UUID meterId, RequestOptions options) {
    return api.get("/meter/" + meterId, Meter.class, options);
  }

  public Page<Meter> listByCompany(UUID companyId) {
    return listByCompany(companyId, RequestOptions.DEFAULT);
  }

  public Page<Meter> listByCompany(UUID companyId, RequestOptions options) {
    return list("/meter/company/" + companyId, options);
  }

  public Page<Meter> listBySite(UUID siteId) {
    return listBySite(siteId, RequestOptions.DEFAULT);
  }

  public Page<Meter> listBySite(UUID siteId, RequestOptions options) {
    return list("/meter/site/" + siteId, options);
  }

  public Page<Meter> listByConnection(UUID connectionId) {
    return listByConnection(connectionId, RequestOptions.DEFAULT);
  }

  public Page<Meter> listByConnection(UUID connectionId, RequestOptions options) {
    return list("/meter/connection/" + connectionId, options);
  }

  private Page<Meter> list(String path, RequestOptions options) {
    return api.page(path, null, "meters", Meter.class, options, 1);
  }
}
