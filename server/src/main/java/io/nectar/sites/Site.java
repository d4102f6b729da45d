package io.nectar.sites;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A building or location of a company; meters and usage hang off it. Archived when stop date is set. */
public record Site(
    UUID id,
    UUID companyId,
    String name,
    String externalId,
    String address,
    List<String> path,
    BigDecimal occupancyPercent,
    LocalDate dataCollectionStopDate,
    Instant created,
    Instant updated) {}
