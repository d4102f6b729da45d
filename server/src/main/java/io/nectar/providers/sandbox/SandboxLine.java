package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderLineItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * Builds one charge line whose amount is, by construction, its quantity times its rate rounded
 * half-up to the cent, the way a utility's billing system prints it. Because every amount is
 * already in cents, a bill's total is the exact sum of its lines.
 */
final class SandboxLine {
  static final String TAX = "TAX";

  private final String description;
  private BigDecimal quantity;
  private String quantityUnits;
  private BigDecimal rate;
  private String chargeType;
  private String electricityChargeType;
  private Boolean electricityIsDemand;
  private String electricityTimeOfUse;
  private String gasChargeType;
  private String meterKey;

  private SandboxLine(String description) {
    this.description = description;
  }

  static SandboxLine of(String description) {
    return new SandboxLine(description);
  }

  /** A fixed charge billed by the day, so a short month costs less: "Customer charge (28 days)". */
  static SandboxLine perDay(String description, YearMonth month) {
    int days = month.lengthOfMonth();
    return of(description + " (" + days + " days)").quantity(BigDecimal.valueOf(days), null);
  }

  /** {@code units} is a §9.4 usage unit, or null for counts such as days or deliveries. */
  SandboxLine quantity(BigDecimal quantity, String units) {
    this.quantity = quantity;
    this.quantityUnits = units;
    return this;
  }

  SandboxLine rate(BigDecimal rate) {
    this.rate = rate;
    return this;
  }

  SandboxLine chargeType(String chargeType) {
    this.chargeType = chargeType;
    return this;
  }

  SandboxLine electricity(String chargeType, boolean isDemand, String timeOfUse) {
    this.electricityChargeType = chargeType;
    this.electricityIsDemand = isDemand;
    this.electricityTimeOfUse = timeOfUse;
    return this;
  }

  SandboxLine gas(String chargeType) {
    this.gasChargeType = chargeType;
    return this;
  }

  SandboxLine meter(String meterKey) {
    this.meterKey = meterKey;
    return this;
  }

  ProviderLineItem build() {
    BigDecimal amount = quantity.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    return new ProviderLineItem(description, quantity, quantityUnits, rate, amount, chargeType,
        electricityChargeType, electricityIsDemand, electricityTimeOfUse, gasChargeType, "CURRENT", meterKey);
  }

  /** A tax line: the taxable amount as quantity and the tax rate (a fraction) as rate. */
  static ProviderLineItem tax(String name, BigDecimal taxable, BigDecimal rate) {
    String percent = rate.movePointRight(2).stripTrailingZeros().toPlainString();
    return of(name + " " + percent + "%").quantity(taxable, null).rate(rate).chargeType(TAX).build();
  }
}
