package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderUsage;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A rooftop array on a net-metering tariff. The meter's usage is what the array generated; part of
 * it is used on site and the rest exported, while the site still imports from the grid at night:
 * {@code usage = generated}, {@code 0 < export < generated}. The bill charges the imports and
 * credits the exports at a lower rate. Imports are kept above half the exports so the credit never
 * turns a bill negative.
 */
final class SolarTariff implements SandboxTariff {
  static final String UNITS = "kWh";
  static final String TARIFF = "NEM-2 Net Energy Metering";

  /** Monthly yield in kWh per kW of panels, for a mid-latitude site. */
  private static final double[] YIELD = {70, 86, 120, 146, 166, 176, 181, 168, 140, 108, 76, 62};
  private static final double TYPICAL_ARRAY_KW = 60;

  @Override
  public MonthlyCharges charge(SandboxAccount account, YearMonth month, SplittableRandom random) {
    double arrayKw = Math.round(TYPICAL_ARRAY_KW * account.siteScale() * account.equipmentScale());
    long generated = Math.round(
        arrayKw * SandboxTariff.seasonal(YIELD, account, month) * (0.88 + 0.2 * random.nextDouble()));
    long exported = Math.round(generated * (0.15 + 0.25 * random.nextDouble()));
    long imported = Math.round(exported * (0.6 + 0.8 * random.nextDouble()) + generated * 0.1);

    int climateMonth = account.locale().climateMonth(month.getMonthValue());
    double daylightHours = 12 + 2.7 * Math.cos(2 * Math.PI * (climateMonth - 6.5) / 12);
    double[] sunlight = HourlyProfile.solar(month, account.locale(), daylightHours, random);
    long[] wattHours = new long[sunlight.length];
    HourlyProfile.spread(generated * 1000, sunlight, hour -> true, wattHours);

    boolean summer = SandboxTariff.isSummer(account, month);
    String meter = account.meterKey();
    BigDecimal generatedKwh = BigDecimal.valueOf(generated);
    BigDecimal importKwh = BigDecimal.valueOf(imported);
    BigDecimal exportKwh = BigDecimal.valueOf(exported);
    List<ProviderLineItem> lines = List.of(
        SandboxLine.perDay("Interconnection charge", month)
            .rate(SandboxTariff.localRate(account, 0.3288, 1))
            .electricity("DELIVERY", false, null).meter(meter).build(),
        SandboxLine.of("Energy imported from the grid").quantity(importKwh, UNITS)
            .rate(SandboxTariff.localRate(account, summer ? 0.1520 : 0.1385, 1))
            .electricity("SUPPLY", false, null).meter(meter).build(),
        SandboxLine.of("Net metering export credit").quantity(exportKwh, UNITS)
            .rate(SandboxTariff.localRate(account, -0.0640, 1))
            .electricity("SUPPLY", false, null).meter(meter).build());

    ProviderUsage usage = new ProviderUsage(meter, month.atDay(1), month.atEndOfMonth(), generatedKwh, UNITS, false,
        null, null, null, TARIFF, generatedKwh, importKwh, exportKwh, List.of());
    return new MonthlyCharges(usage, lines, List.of(), wattHours);
  }
}
