package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A place where meters are. A non-null {@code dataCollectionStopDate} means the site is archived.
 * {@code path} holds location tags from general to specific (for example {@code [US, CA, ON]}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Site(UUID id, String name, LocalDate dataCollectionStopDate, String externalId, String address,
    List<String> path, BigDecimal occupancyPercent) {
  public Site {
    path = Lists.copy(path);
  }
}
