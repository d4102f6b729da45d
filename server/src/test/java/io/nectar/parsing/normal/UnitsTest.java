package io.nectar.parsing.normal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.usage.UsageUnits;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void printedUnitsMapToTheApiList() {
    assertThat(Units.apiUnit("KWH")).contains("kWh");
    assertThat(Units.apiUnit("kWh")).contains("kWh");
    assertThat(Units.apiUnit("Therms")).contains("thm (US)");
    assertThat(Units.apiUnit("THERM")).contains("thm (US)");
    assertThat(Units.apiUnit("CCF")).contains("CCF");
    assertThat(Units.apiUnit("hcf")).contains("HCF");
    assertThat(Units.apiUnit("Gallons")).contains("gal (US)");
    assertThat(Units.apiUnit("kgal")).contains("kgal (US)");
    assertThat(Units.apiUnit("m³")).contains("cubic m");
    assertThat(Units.apiUnit("M3")).contains("cubic m");
    assertThat(Units.apiUnit("litres")).contains("L");
    assertThat(Units.apiUnit("kW")).contains("KW");
    assertThat(Units.apiUnit("thm (US)")).contains("thm (US)");
    assertThat(Units.apiUnit("furlongs")).isEmpty();
    for (String printed : new String[] {"kwh", "therms", "ccf", "gal", "m3", "kw", "kva", "dth", "mcf", "l"}) {
      assertThat(UsageUnits.ALL).contains(Units.apiUnit(printed).orElseThrow());
    }
    assertThat(Units.isDemand("KW")).isTrue();
    assertThat(Units.isDemand("kWh")).isFalse();
  }

  @Test
  void ccfBecomesThermsOnlyThroughThePrintedFactor() {
    assertThat(Units.ccfToTherms(new BigDecimal("52"), new BigDecimal("1.037")))
        .isEqualByComparingTo("53.924");
  }
}
