package io.nectar.client.model;

import java.math.BigDecimal;
import java.util.List;

/** The settings a site is created with and changed by: the setters of {@link NewSite} and {@link SiteUpdate}. */
abstract class SiteSettings<B extends SiteSettings<B>> extends InputBuilder<B> {
  public B externalId(String externalId) {
    return set("externalId", externalId);
  }

  public B address(String address) {
    return set("address", address);
  }

  public B path(List<String> path) {
    return set("path", path);
  }

  public B occupancyPercent(BigDecimal occupancyPercent) {
    return set("occupancyPercent", occupancyPercent);
  }
}
