package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderUsage;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Metered potable water with an inclining two-tier price, sewer billed on the same volume, and a
 * meter charge by day. US sites are billed in thousands of gallons, elsewhere in cubic metres.
 * About one read in twenty is estimated, as when the reader could not reach the meter.
 */
final class WaterTariff implements SandboxTariff {
  static final String TARIFF = "Commercial water and sewer";
  private static final double CUBIC_METRES_PER_KGAL = 3.785;

  /** Irrigation and cooling towers lift summer use. */
  private static final double[] SEASON = {0.86, 0.85, 0.90, 0.98, 1.08, 1.22, 1.30, 1.28, 1.14, 0.99, 0.90, 0.86};
  private static final double TYPICAL_MONTHLY_KGAL = 38;
  private static final double FIRST_TIER_KGAL = 20;

  @Override
  public MonthlyCharges charge(SandboxAccount account, YearMonth month, SplittableRandom random) {
    boolean us = account.locale().usCustomaryUnits();
    String units = us ? "kgal (US)" : "cubic m";
    double perKgal = us ? 1 : CUBIC_METRES_PER_KGAL;
    int scale = us ? 1 : 0; // meters read to 100 gallons, or to the whole cubic metre
    double kgal = TYPICAL_MONTHLY_KGAL * account.siteScale() * SandboxTariff.seasonal(SEASON, account, month)
        * (0.9 + 0.2 * random.nextDouble());
    BigDecimal volume = SandboxTariff.quantity(kgal, perKgal, scale);
    BigDecimal firstTierLimit = SandboxTariff.quantity(FIRST_TIER_KGAL, perKgal, 0).setScale(scale);
    BigDecimal firstTier = volume.min(firstTierLimit);
    BigDecimal secondTier = volume.subtract(firstTier);
    boolean estimated = random.nextDouble() < 0.05;

    String meter = account.meterKey();
    List<ProviderLineItem> lines = new ArrayList<>();
    lines.add(SandboxLine.perDay("Meter charge, 2 in. meter", month)
        .rate(SandboxTariff.localRate(account, 2.1150, 1)).meter(meter).build());
    String tier = firstTierLimit.stripTrailingZeros().toPlainString() + " " + units;
    lines.add(SandboxLine.of("Water, first " + tier).quantity(firstTier, units)
        .rate(SandboxTariff.localRate(account, 5.84, perKgal)).meter(meter).build());
    if (secondTier.signum() > 0) {
      lines.add(SandboxLine.of("Water, over " + tier).quantity(secondTier, units)
          .rate(SandboxTariff.localRate(account, 7.12, perKgal)).meter(meter).build());
    }
    lines.add(SandboxLine.of("Sewer service").quantity(volume, units)
        .rate(SandboxTariff.localRate(account, 8.95, perKgal)).meter(meter).build());

    ProviderUsage usage = new ProviderUsage(meter, month.atDay(1), month.atEndOfMonth(), volume, units, estimated,
        null, null, null, TARIFF, null, null, null, List.of());
    return new MonthlyCharges(usage, List.copyOf(lines), List.of(), null);
  }
}
