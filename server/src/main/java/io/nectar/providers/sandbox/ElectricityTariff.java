package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderDemand;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderUsage;
import io.nectar.providers.ProviderUsage.TimeOfUsePart;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A commercial time-of-use rate with a demand charge. The month's kWh is spread over an hourly
 * office load shape first, and the bill is read off those hours: the on-peak kWh is the sum of the
 * on-peak hours and the billed demand is the highest hourly average, so bill, breakdown and
 * interval data always agree.
 */
final class ElectricityTariff implements SandboxTariff {
  static final String UNITS = "kWh";
  static final String TARIFF = "TOU-GS-2 General Service Time-of-Use";

  /** Cooling drives a summer peak; mild months sit just under the annual average. */
  private static final double[] SEASON = {0.93, 0.89, 0.90, 0.92, 1.04, 1.24, 1.38, 1.36, 1.17, 0.98, 0.90, 0.95};
  private static final double TYPICAL_MONTHLY_KWH = 42_000;

  @Override
  public MonthlyCharges charge(SandboxAccount account, YearMonth month, SplittableRandom random) {
    double season = SandboxTariff.seasonal(SEASON, account, month);
    long totalKwh = Math.round(
        TYPICAL_MONTHLY_KWH * account.siteScale() * season * (0.96 + 0.08 * random.nextDouble()));
    double[] load = HourlyProfile.office(month, account.locale(), Math.max(0, season - 0.95) * 1.5, random);
    boolean[] peakHours = HourlyProfile.peakHours(month, account.locale());
    long peakKwh = Math.round(totalKwh * HourlyProfile.share(load, peakHours));
    long offPeakKwh = totalKwh - peakKwh;

    // Each band is spread in whole Wh over its own hours, so the band totals hold exactly.
    long[] wattHours = new long[load.length];
    HourlyProfile.spread(peakKwh * 1000, load, hour -> peakHours[hour], wattHours);
    HourlyProfile.spread(offPeakKwh * 1000, load, hour -> !peakHours[hour], wattHours);
    BigDecimal demandKw = billedDemand(wattHours);

    boolean summer = SandboxTariff.isSummer(account, month);
    String meter = account.meterKey();
    BigDecimal peak = BigDecimal.valueOf(peakKwh);
    BigDecimal offPeak = BigDecimal.valueOf(offPeakKwh);
    BigDecimal total = BigDecimal.valueOf(totalKwh);
    List<ProviderLineItem> lines = List.of(
        SandboxLine.perDay("Basic service charge", month)
            .rate(SandboxTariff.localRate(account, 1.6438, 1))
            .electricity("DELIVERY", false, null).meter(meter).build(),
        SandboxLine.of("On-peak energy").quantity(peak, UNITS)
            .rate(SandboxTariff.localRate(account, summer ? 0.1862 : 0.1415, 1))
            .electricity("SUPPLY", false, "PEAK").meter(meter).build(),
        SandboxLine.of("Off-peak energy").quantity(offPeak, UNITS)
            .rate(SandboxTariff.localRate(account, summer ? 0.0934 : 0.0851, 1))
            .electricity("SUPPLY", false, "OFF_PEAK").meter(meter).build(),
        SandboxLine.of("Distribution charge").quantity(total, UNITS)
            .rate(SandboxTariff.localRate(account, 0.0412, 1))
            .electricity("DELIVERY", false, null).meter(meter).build(),
        SandboxLine.of("Demand charge").quantity(demandKw, "KW")
            .rate(SandboxTariff.localRate(account, summer ? 14.25 : 11.80, 1))
            .electricity("DELIVERY", true, null).meter(meter).build());

    ProviderUsage usage = new ProviderUsage(meter, month.atDay(1), month.atEndOfMonth(), total, UNITS, false,
        null, null, null, TARIFF, null, null, null, List.of(
            new TimeOfUsePart("PEAK", peak, UNITS, "On-peak, weekdays 12:00-18:00"),
            new TimeOfUsePart("OFF_PEAK", offPeak, UNITS, "Off-peak, all other hours")));
    ProviderDemand demand = new ProviderDemand(meter, month.atDay(1), month.atEndOfMonth(), false, demandKw, "kW",
        "Maximum demand (highest hourly average)", "PEAK");
    return new MonthlyCharges(usage, lines, List.of(demand), wattHours);
  }

  /** The highest hour's average kW, rounded up to 0.1 kW as demand meters register it. */
  static BigDecimal billedDemand(long[] wattHours) {
    long max = 0;
    for (long wh : wattHours) {
      max = Math.max(max, wh);
    }
    return BigDecimal.valueOf((max + 99) / 100, 1);
  }
}
