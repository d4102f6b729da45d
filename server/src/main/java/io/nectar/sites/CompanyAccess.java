package io.nectar.sites;

import io.nectar.keys.Caller;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Whether the caller may use a company, as the companies feature decides it. Sites declare the check
 * they need rather than depend on that feature, which itself shows each company with its sites.
 */
public interface CompanyAccess {
  /** Passes when the caller owns company {@code companyId}; otherwise not found, or forbidden. */
  void requireCompany(Handle h, Caller caller, UUID companyId);

  /** As {@link #requireCompany} for an object of the company: a missing company reports {@code what} as missing. */
  void requireCompanyOf(Handle h, Caller caller, UUID companyId, String what);
}
