package io.nectar.parsing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an extractor read off one bill, normalised (dates, exact decimals, the contract's units) with
 * each figure's confidence and raw text. Fields not found are null; lists are never null.
 *
 * @param layout the template's id, or {@code "generic"}
 * @param datasourceType the API's utility type: ELECTRICITY, GAS, WATER, FUEL, …
 * @param periodStart first day of the service period as printed
 * @param periodEnd last day of the service period as printed (the API's {@code billDate})
 * @param statementDate the issue date as printed, kept beside the period
 * @param currency ISO 4217, e.g. USD, EUR, BRL
 * @param totalCharges this bill's charges (line items sum to it), not arrears
 * @param amountDue the amount to pay as printed, which may include arrears or payments
 */
public record ExtractedBill(
    String layout,
    Field<String> datasourceType,
    Field<String> utilityName,
    Field<String> accountNumber,
    Field<String> serviceAddress,
    Field<LocalDate> periodStart,
    Field<LocalDate> periodEnd,
    Field<LocalDate> statementDate,
    Field<LocalDate> dueDate,
    Field<String> currency,
    Field<BigDecimal> totalCharges,
    Field<BigDecimal> amountDue,
    Field<BigDecimal> taxCharges,
    List<MeterUsage> meters,
    List<Charge> lineItems) {

  public ExtractedBill {
    meters = meters == null ? List.of() : List.copyOf(meters);
    lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
  }

  /**
   * One meter's (or register's) usage over the period.
   *
   * @param startDate null means the bill's period
   * @param usageUnits one of the API's {@code usageUnits} (kWh, therms, CCF, gal, …)
   * @param rawUsage the quantity as printed, before any unit conversion
   * @param rawUnits the unit as printed
   * @param register what the figure measures when a meter has several: TOTAL, PEAK, OFF_PEAK, …; null for one
   */
  public record MeterUsage(
      Field<String> meterNumber,
      LocalDate startDate,
      LocalDate endDate,
      Field<BigDecimal> usage,
      String usageUnits,
      BigDecimal rawUsage,
      String rawUnits,
      BigDecimal previousReading,
      BigDecimal currentReading,
      BigDecimal multiplier,
      boolean isEstimated,
      String register,
      List<TimeOfUse> timeOfUse,
      List<Demand> demand) {
    public MeterUsage {
      timeOfUse = timeOfUse == null ? List.of() : List.copyOf(timeOfUse);
      demand = demand == null ? List.of() : List.copyOf(demand);
    }
  }

  /** A time-of-use band of a meter's usage: PEAK, OFF_PEAK, SHOULDER, … */
  public record TimeOfUse(String band, BigDecimal usage, String usageUnits, String description) {}

  /** A billed demand: 84.2 kW, PEAK. */
  public record Demand(BigDecimal value, String units, String demandType, String description) {}

  /**
   * One charge line as printed; a credit is negative.
   *
   * @param chargeType e.g. TAX, or null
   * @param meterNumber the meter the line belongs to on a multi-meter bill, else null
   */
  public record Charge(String description, BigDecimal quantity, String quantityUnits, BigDecimal rate,
      BigDecimal amount, String chargeType, String meterNumber) {}

  public static Builder builder(String layout) {
    return new Builder(layout);
  }

  /** Builds an {@link ExtractedBill} by field name. */
  public static final class Builder {
    private final String layout;
    private Field<String> datasourceType;
    private Field<String> utilityName;
    private Field<String> accountNumber;
    private Field<String> serviceAddress;
    private Field<LocalDate> periodStart;
    private Field<LocalDate> periodEnd;
    private Field<LocalDate> statementDate;
    private Field<LocalDate> dueDate;
    private Field<String> currency;
    private Field<BigDecimal> totalCharges;
    private Field<BigDecimal> amountDue;
    private Field<BigDecimal> taxCharges;
    private List<MeterUsage> meters = List.of();
    private List<Charge> lineItems = List.of();

    private Builder(String layout) {
      this.layout = layout;
    }

    public Builder datasourceType(Field<String> v) { datasourceType = v; return this; }
    public Builder utilityName(Field<String> v) { utilityName = v; return this; }
    public Builder accountNumber(Field<String> v) { accountNumber = v; return this; }
    public Builder serviceAddress(Field<String> v) { serviceAddress = v; return this; }
    public Builder periodStart(Field<LocalDate> v) { periodStart = v; return this; }
    public Builder periodEnd(Field<LocalDate> v) { periodEnd = v; return this; }
    public Builder statementDate(Field<LocalDate> v) { statementDate = v; return this; }
    public Builder dueDate(Field<LocalDate> v) { dueDate = v; return this; }
    public Builder currency(Field<String> v) { currency = v; return this; }
    public Builder totalCharges(Field<BigDecimal> v) { totalCharges = v; return this; }
    public Builder amountDue(Field<BigDecimal> v) { amountDue = v; return this; }
    public Builder taxCharges(Field<BigDecimal> v) { taxCharges = v; return this; }
    public Builder meters(List<MeterUsage> v) { meters = v; return this; }
    public Builder lineItems(List<Charge> v) { lineItems = v; return this; }

    public ExtractedBill build() {
      return new ExtractedBill(layout, datasourceType, utilityName, accountNumber, serviceAddress, periodStart,
          periodEnd, statementDate, dueDate, currency, totalCharges, amountDue, taxCharges, meters, lineItems);
    }
  }
}
