package io.nectar.parsing.normal;

import io.nectar.usage.UsageUnits;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps units as bills print them ({@code KWH}, {@code Therms}, {@code m³}, {@code Gallons}) to the API's
 * {@code usageUnits} ({@link UsageUnits#ALL}). Volumes of gas stay volumes: a bill's CCF becomes therms only
 * through the heat factor the bill itself prints ({@link #ccfToTherms}), never a national average.
 */
public final class Units {
  private static final Map<String, String> PRINTED = printed();

  private Units() {}

  /** The API unit for a printed unit, or empty when it is not a unit we know. */
  public static Optional<String> apiUnit(String printed) {
    if (printed == null) {
      return Optional.empty();
    }
    String key = key(printed);
    String unit = PRINTED.get(key);
    if (unit == null && UsageUnits.ALL.contains(printed.strip())) {
      unit = printed.strip();
    }
    return Optional.ofNullable(unit);
  }

  /** Whether the API unit measures demand (power) rather than energy or volume. */
  public static boolean isDemand(String apiUnit) {
    return "KW".equals(apiUnit) || "kVA".equals(apiUnit) || "MW".equals(apiUnit) || "W".equals(apiUnit);
  }

  /**
   * Gas volume to therms with the factor printed on the bill (therms per CCF, e.g. {@code 1.037}); the product
   * is exact.
   */
  public static BigDecimal ccfToTherms(BigDecimal ccf, BigDecimal printedThermsPerCcf) {
    return ccf.multiply(printedThermsPerCcf);
  }

  /** Printed text to lookup key: lower case, no spaces, dots or trailing plural s, superscripts spelled. */
  static String key(String printed) {
    String s = Dates.plain(printed).replace("³", "3").replace("²", "2").replaceAll("[\\s_.]", "");
    return s;
  }

  private static Map<String, String> printed() {
    Map<String, String> m = new HashMap<>();
    put(m, "kWh", "kwh", "kwhs", "kilowatthour", "kilowatthours", "kilowatt-hour", "kilowatt-hours", "kwhr");
    put(m, "Wh", "wh");
    put(m, "MWh", "mwh", "megawatthours");
    put(m, "KW", "kw", "kws", "kilowatt", "kilowatts");
    put(m, "kVA", "kva");
    put(m, "MW", "mw");
    put(m, "thm (US)", "therm", "therms", "thm", "thms", "thm(us)");
    put(m, "Dth (US)", "dth", "dths", "dekatherm", "dekatherms", "decatherm", "decatherms");
    put(m, "CCF", "ccf", "ccfs", "100cf", "100cuft", "hundredcubicfeet");
    put(m, "HCF", "hcf", "hcfs");
    put(m, "MCF", "mcf");
    put(m, "MMCF", "mmcf");
    put(m, "CF", "cf");
    put(m, "cubic ft", "cuft", "ft3", "cubicfeet", "cubicfoot", "cubicft");
    put(m, "cubic m", "m3", "cubicm", "cubicmeter", "cubicmeters", "cubicmetre", "cubicmetres", "metroscubicos",
        "metrocubico", "metroscúbicos");
    put(m, "gal (US)", "gal", "gals", "gallon", "gallons", "galao", "galoes", "gal(us)");
    put(m, "kgal (US)", "kgal", "kgals", "1000gal", "1000gallons", "thousandgallons", "tgal", "kgal(us)");
    put(m, "100 gal (US)", "100gal", "100gallons", "hundredgallons");
    // "MGAL" is left out: US water bills print it for both thousand (Roman M) and million gallons
    put(m, "Mgal (US)", "milliongallons");
    put(m, "L", "l", "litre", "litres", "liter", "liters", "litro", "litros");
    put(m, "kL", "kl", "kilolitre", "kilolitres", "kiloliter", "kiloliters");
    put(m, "MMBtu", "mmbtu");
    put(m, "Btu", "btu");
    put(m, "GJ", "gj");
    put(m, "MJ", "mj");
    put(m, "kg", "kg");
    put(m, "lb", "lb", "lbs");
    put(m, "tonne", "tonne", "tonnes");
    return Map.copyOf(m);
  }

  private static void put(Map<String, String> m, String api, String... printed) {
    if (!UsageUnits.ALL.contains(api)) {
      throw new IllegalStateException(api + " is not an API usage unit");
    }
    for (String p : printed) {
      m.put(key(p), api);
    }
  }
}
