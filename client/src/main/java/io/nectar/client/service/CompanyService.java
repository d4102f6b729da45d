package io.nectar.client.service;

import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.Company;
import io.nectar.client.model.CompanyUpdate;
import io.nectar.client.model.NewCompany;
import java.util.List;
import java.util.UUID;

/**
 * Companies: the top of the hierarchy. The list is not paginated (the API returns a bare array),
 * and deleting is asynchronous on the server (204 at once).
 */
public final class CompanyService {
  private final Api api;

  public CompanyService(Api api) {
    this.api = api;
  }

  public List<Company> list() {
    return list(RequestOptions.DEFAULT);
  }

  public List<Company> list(RequestOptions options) {
    return api.getList("/company", Company.class, options);
  }

  public Company get(UUID companyId) {
    return get(companyId, RequestOptions.DEFAULT);
  }

  public Company get(UUID companyId, RequestOptions options) {
    return api.get("/company/" + companyId, Company.class, options);
  }

  public Company create(NewCompany company) {
    return create(company, RequestOptions.DEFAULT);
  }

  public Company create(NewCompany company, RequestOptions options) {
    return api.post("/company", company, Company.class, options);
  }

  public Company update(UUID companyId, CompanyUpdate update) {
    return update(companyId, update, RequestOptions.DEFAULT);
  }

  public Company update(UUID companyId, CompanyUpdate update, RequestOptions options) {
    return api.patch("/company/" + companyId, update, Company.class, options);
  }

  public void delete(UUID companyId) {
    delete(companyId, RequestOptions.DEFAULT);
  }

  public void delete(UUID companyId, RequestOptions options) {
    api.delete("/company/" + companyId, options);
  }
}
