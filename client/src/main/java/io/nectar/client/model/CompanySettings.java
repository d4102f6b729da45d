package io.nectar.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The settings a company is created with and changed by: the setters of {@link NewCompany} and {@link CompanyUpdate}. */
abstract class CompanySettings<B extends CompanySettings<B>> extends InputBuilder<B> {
  public B externalId(String externalId) {
    return set("externalId", externalId);
  }

  public B dataCollectionStartDate(LocalDate dataCollectionStartDate) {
    return set("dataCollectionStartDate", dataCollectionStartDate);
  }

  public B demandEnabled(boolean demandEnabled) {
    return set("isDemandEnabled", demandEnabled);
  }

  public B impliedMeteringEnabled(boolean impliedMeteringEnabled) {
    return set("isImpliedMeteringEnabled", impliedMeteringEnabled);
  }

  public B impliedMeteringFraction(BigDecimal impliedMeteringFraction) {
    return set("impliedMeteringFraction", impliedMeteringFraction);
  }

  public B basicIdentifierMappingEnabled(boolean basicIdentifierMappingEnabled) {
    return set("isBasicIdentifierMappingEnabled", basicIdentifierMappingEnabled);
  }

  public B lowAccuracyModeEnabled(boolean lowAccuracyModeEnabled) {
    return set("isLowAccuracyModeEnabled", lowAccuracyModeEnabled);
  }

  public B users(List<String> users) {
    return set("users", users);
  }
}
