package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderUsage;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Natural gas for space heating: a customer charge by day, a distribution charge, and a supply
 * price that follows the month's commodity market. US sites are billed in therms, elsewhere in
 * cubic metres (about 2.83 m³ per therm).
 */
final class GasTariff implements SandboxTariff {
  static final String TARIFF = "G-2 General Service Gas";
  private static final double CUBIC_METRES_PER_THERM = 2.83;

  /** Heating: ten times as much gas in January as in July. */
  private static final double[] SEASON = {1.95, 1.70, 1.35, 0.85, 0.45, 0.25, 0.18, 0.18, 0.30, 0.70, 1.30, 1.80};
  private static final double TYPICAL_MONTHLY_THERMS = 1_450;

  @Override
  public MonthlyCharges charge(SandboxAccount account, YearMonth month, SplittableRandom random) {
    boolean us = account.locale().usCustomaryUnits();
    String units = us ? "thm (US)" : "cubic m";
    double perTherm = us ? 1 : CUBIC_METRES_PER_THERM;
    double season = SandboxTariff.seasonal(SEASON, account, month);
    double therms = TYPICAL_MONTHLY_THERMS * account.siteScale() * season * (0.9 + 0.2 * random.nextDouble());
    BigDecimal volume = SandboxTariff.quantity(therms, perTherm, 0);
    double supplyPrice = 0.52 + 0.20 * random.nextDouble() + 0.06 * Math.min(season, 1.5);
    boolean estimated = random.nextDouble() < 0.05;

    String meter = account.meterKey();
    List<ProviderLineItem> lines = List.of(
        SandboxLine.perDay("Customer charge", month)
            .rate(SandboxTariff.localRate(account, 1.9726, 1)).gas("DELIVERY").meter(meter).build(),
        SandboxLine.of("Distribution charge").quantity(volume, units)
            .rate(SandboxTariff.localRate(account, 0.4123, perTherm)).gas("DELIVERY").meter(meter).build(),
        SandboxLine.of("Natural gas supply").quantity(volume, units)
            .rate(SandboxTariff.localRate(account, supplyPrice, perTherm)).gas("SUPPLY").meter(meter).build());

    ProviderUsage usage = new ProviderUsage(meter, month.atDay(1), month.atEndOfMonth(), volume, units, estimated,
        null, null, null, TARIFF, null, null, null, List.of());
    return new MonthlyCharges(usage, lines, List.of(), null);
  }
}
