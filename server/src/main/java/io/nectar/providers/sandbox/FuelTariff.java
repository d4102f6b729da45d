package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderUsage;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Diesel deliveries to a tank that feeds a boiler and a standby generator, invoiced monthly: the
 * fuel at the month's rack price, a delivery fee, and the state excise tax per gallon (a TAX line
 * of its own, besides the sales tax). US sites buy by the gallon, elsewhere by the litre.
 */
final class FuelTariff implements SandboxTariff {
  static final String TARIFF = "Commercial diesel delivery";
  private static final double LITRES_PER_GALLON = 3.785;

  private static final double[] SEASON = {1.60, 1.50, 1.20, 0.90, 0.62, 0.50, 0.48, 0.50, 0.62, 0.90, 1.30, 1.58};
  private static final double TYPICAL_MONTHLY_GALLONS = 520;

  @Override
  public MonthlyCharges charge(SandboxAccount account, YearMonth month, SplittableRandom random) {
    boolean us = account.locale().usCustomaryUnits();
    String units = us ? "gal (US)" : "L";
    double perGallon = us ? 1 : LITRES_PER_GALLON;
    double gallons = TYPICAL_MONTHLY_GALLONS * account.siteScale() * SandboxTariff.seasonal(SEASON, account, month)
        * (0.85 + 0.3 * random.nextDouble());
    BigDecimal volume = SandboxTariff.quantity(gallons, perGallon, us ? 1 : 0);
    double rackPrice = 3.45 + 0.80 * random.nextDouble();

    String meter = account.meterKey();
    List<ProviderLineItem> lines = List.of(
        SandboxLine.of("Ultra-low sulfur diesel").quantity(volume, units)
            .rate(SandboxTariff.localRate(account, rackPrice, perGallon)).meter(meter).build(),
        SandboxLine.of("Delivery fee").quantity(BigDecimal.ONE, null)
            .rate(SandboxTariff.localRate(account, 45.00, 1)).meter(meter).build(),
        SandboxLine.of("State fuel excise tax").quantity(volume, units)
            .rate(SandboxTariff.localRate(account, 0.2440, perGallon))
            .chargeType(SandboxLine.TAX).meter(meter).build());

    ProviderUsage usage = new ProviderUsage(meter, month.atDay(1), month.atEndOfMonth(), volume, units, false,
        null, null, null, TARIFF, null, null, null, List.of());
    return new MonthlyCharges(usage, lines, List.of(), null);
  }
}
