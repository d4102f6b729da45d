package io.nectar.usage;

import java.util.Set;

/** The literal {@code usageUnits} values of nectar-api.md §9.4, spaces and parentheses included. */
public final class UsageUnits {
  public static final Set<String> ALL = Set.of("J", "Btu", "MMBtu", "kJ", "MJ", "GJ", "TJ", "thm (EC)", "thm (US)",
      "thm (UK)", "Dth (EC)", "Dth (US)", "Dth (UK)", "Cal", "kCal", "MCal", "erg", "kVA", "Wh", "kWh", "MWh", "GWh",
      "ton hours", "W", "KW", "MW", "GW", "L", "kL", "ML", "cubic ft", "cubic yd", "cubic m", "MMCF", "MCF", "HCF",
      "CF", "CCF", "gal (UK)", "gal (US)", "100 gal (US)", "100 gal (UK)", "kgal (US)", "kgal (UK)", "Mgal (US)",
      "Mgal (UK)", "teu", "bbl", "mbbl", "kg", "oz t", "g", "lb", "mlb", "tons (US)", "sh ton", "metric ton", "tonne",
      "long tn", "km", "mi", "m", "cm", "mm", "nm", "yd", "ft", "in");

  private UsageUnits() {}
}
