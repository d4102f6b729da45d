package io.nectar.providers.sandbox;

import io.nectar.meters.DatasourceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.SplittableRandom;

/** How one kind of utility meters and prices a month of service at a sandbox site. */
interface SandboxTariff {

  /** Everything but the sales tax; {@code random} is the month's own stream (see {@link SandboxSeed}). */
  MonthlyCharges charge(SandboxAccount account, YearMonth month, SplittableRandom random);

  static SandboxTariff of(DatasourceType type) {
    return switch (type) {
      case ELECTRICITY -> new ElectricityTariff();
      case SOLAR -> new SolarTariff();
      case WATER -> new WaterTariff();
      case GAS -> new GasTariff();
      case FUEL -> new FuelTariff();
      default -> throw new IllegalArgumentException("the sandbox does not offer " + type);
    };
  }

  /** A month's factor from a January-to-December table, seen through the site's hemisphere. */
  static double seasonal(double[] byMonth, SandboxAccount account, YearMonth month) {
    return byMonth[account.locale().climateMonth(month.getMonthValue()) - 1];
  }

  static boolean isSummer(SandboxAccount account, YearMonth month) {
    int climateMonth = account.locale().climateMonth(month.getMonthValue());
    return climateMonth >= 6 && climateMonth <= 9;
  }

  /** A US-dollar price per US unit as a local price per local unit, to the four places bills print. */
  static BigDecimal localRate(SandboxAccount account, double usdPerUsUnit, double localUnitsPerUsUnit) {
    return BigDecimal.valueOf(usdPerUsUnit / localUnitsPerUsUnit).multiply(account.locale().usdToLocal())
        .setScale(4, RoundingMode.HALF_UP);
  }

  /** A quantity in local units, with as many decimals as the meter shows. */
  static BigDecimal quantity(double usUnits, double localUnitsPerUsUnit, int scale) {
    return BigDecimal.valueOf(usUnits * localUnitsPerUsUnit).setScale(scale, RoundingMode.HALF_UP);
  }
}
