package io.nectar.companies;

import io.nectar.keys.Environment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A company of an organization's environment: the root of its sites, connections and bills. */
public record Company(
    UUID id,
    UUID organizationId,
    Environment environment,
    String name,
    String externalId,
    LocalDate dataCollectionStartDate,
    boolean isDemandEnabled,
    boolean isImpliedMeteringEnabled,
    BigDecimal impliedMeteringFraction,
    boolean isBasicIdentifierMappingEnabled,
    boolean isLowAccuracyModeEnabled,
    List<String> users,
    Instant created,
    Instant updated) {}
