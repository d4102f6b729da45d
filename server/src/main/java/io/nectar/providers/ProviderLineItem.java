package io.nectar.providers;

import java.math.BigDecimal;

/** One charge line of a bill; {@code quantity × rate = totalCharge} where both are given. */
public record ProviderLineItem(
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
    String billingPeriod,
    String meterKey) {}
