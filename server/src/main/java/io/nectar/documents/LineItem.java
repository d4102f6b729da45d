package io.nectar.documents;

import java.math.BigDecimal;
import java.util.UUID;

/** One charge line of a document. */
public record LineItem(
    UUID id,
    UUID documentId,
    int position,
    UUID meterId,
    String description,
    BigDecimal quantity,
    String quantityUnits,
    BigDecimal rate,
    BigDecimal totalCharge,
    String chargeType,
    String electricityChargeType,
    Boolean electricityIsDemand,
    String electricityTimeOfUse,
    String gasChargeType,
    String billingPeriod) {}
