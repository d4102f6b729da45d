package io.nectar.companies;

import io.nectar.errors.Forbidden;
import io.nectar.errors.NotFound;
import io.nectar.keys.Caller;
import io.nectar.sites.CompanyAccess;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Whether the caller may use a company: the tenancy check every feature starts from. It stands apart
 * from {@link CompanyService} so that sites can use it while the service shows companies with their sites.
 */
public final class CompanyOwnership implements CompanyAccess {
  private final CompanyStore store = new CompanyStore();

  /**
   * The company {@code id}, if the caller may use it: 404 when there is no such (live) company, 403
   * when it belongs to another organization or environment (CONTRACT §3).
   */
  Company requireOwned(Handle h, Caller caller, UUID id) {
    return owned(store.find(h, id).orElseThrow(() -> new NotFound("Company")), caller);
  }

  /** Like {@link #requireOwned}, and locks the company row until the transaction ends. */
  Company requireOwnedForUpdate(Handle h, Caller caller, UUID id) {
    return owned(store.findForUpdate(h, id).orElseThrow(() -> new NotFound("Company")), caller);
  }

  @Override
  public void requireCompany(Handle h, Caller caller, UUID companyId) {
    requireOwned(h, caller, companyId);
  }

  /**
   * Authorizes an object of company {@code companyId}: 403 for another tenant, and when the company
   * itself is gone, a 404 that names the object ({@code what}) rather than its company.
   */
  @Override
  public void requireCompanyOf(Handle h, Caller caller, UUID companyId, String what) {
    Company company = store.find(h, companyId).orElseThrow(() -> new NotFound(what));
    owned(company, caller);
  }

  private static Company owned(Company company, Caller caller) {
    if (!caller.owns(company.organizationId(), company.environment())) {
      throw new Forbidden();
    }
    return company;
  }
}
