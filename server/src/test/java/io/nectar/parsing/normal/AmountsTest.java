package io.nectar.parsing.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AmountsTest {
  private static BigDecimal v(String raw) {
    return Amounts.parse(raw).orElseThrow().value();
  }

  @Test
  void readsBothDecimalStylesExactly() {
    assertThat(v("1,234.56")).isEqualByComparingTo("1234.56");
    assertThat(v("1.234,56")).isEqualByComparingTo("1234.56");
    assertThat(v("1 234,56")).isEqualByComparingTo("1234.56");
    assertThat(v("12,5")).isEqualByComparingTo("12.5");
    assertThat(v("1,234,567")).isEqualByComparingTo("1234567");
    assertThat(v("1.234.567,8")).isEqualByComparingTo("1234567.8");
    assertThat(v("0.12345")).isEqualByComparingTo("0.12345");
    assertThat(v(".75")).isEqualByComparingTo("0.75");
    assertThat(v("1,234.56").scale()).isEqualTo(2);
  }

  @Test
  void threeDigitsAfterOneSeparatorFollowTheHint() {
    assertThat(Amounts.value("1,234", DecimalStyle.POINT)).contains(new BigDecimal("1234"));
    assertThat(Amounts.value("1,234", DecimalStyle.COMMA)).contains(new BigDecimal("1.234"));
    assertThat(Amounts.value("1.234", DecimalStyle.COMMA)).contains(new BigDecimal("1234"));
    assertThat(Amounts.value("1.234", DecimalStyle.POINT)).contains(new BigDecimal("1.234"));
    // with a comma hint, an amount that plainly uses a decimal point is still read per amount
    assertThat(Amounts.value("12.50", DecimalStyle.COMMA)).contains(new BigDecimal("12.50"));
  }

  @Test
  void currencySymbolsAndCodes() {
    assertThat(Amounts.parse("$ 12.00").orElseThrow()).isEqualTo(new Amount(new BigDecimal("12.00"), "USD", "$ 12.00"));
    assertThat(Amounts.parse("€12,00").orElseThrow().currency()).isEqualTo("EUR");
    assertThat(v("€12,00")).isEqualByComparingTo("12.00");
    Amount brl = Amounts.parse("R$ 1.234,56").orElseThrow();
    assertThat(brl.value()).isEqualByComparingTo("1234.56");
    assertThat(brl.currency()).isEqualTo("BRL");
    // a Brazilian amount with three decimals after a point is grouping, not a decimal
    assertThat(v("R$ 1.234")).isEqualByComparingTo("1234");
    assertThat(Amounts.parse("12.00 USD").orElseThrow().currency()).isEqualTo("USD");
  }

  @Test
  void creditsAreNegative() {
    for (String raw : new String[] {"12.00CR", "12.00 CR", "(12.00)", "-12.00", "12.00-", "$12.00 CR", "-$12.00",
        "($12.00)", "12.00 Credit", "\u221212.00"}) {
      assertThat(v(raw)).as(raw).isEqualByComparingTo("-12.00");
    }
    assertThat(Amounts.parse("12.00CR").orElseThrow().raw()).isEqualTo("12.00CR");
  }

  @Test
  void notAnAmount() {
    assertThat(Amounts.parse("")).isEmpty();
    assertThat(Amounts.parse("abc")).isEmpty();
    assertThat(Amounts.parse("12.00 kWh")).isEmpty();
    assertThat(Amounts.parse("1.2.3,4,5")).isEmpty();
    assertThat(Amounts.parse(null)).isEmpty();
  }

  /** Property: any amount printed in any of the styles reads back to itself, credits negated. */
  @Test
  void everyPrintedFormReadsBack() {
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      BigDecimal value = BigDecimal.valueOf(random.nextLong(0, 1_000_000_000L), 2);
      String us = group(value, ',', '.');
      String eu = group(value, '.', ',');
      assertThat(v(us)).as(us).isEqualByComparingTo(value);
      assertThat(Amounts.value(eu, DecimalStyle.COMMA).orElseThrow()).as(eu).isEqualByComparingTo(value);
      assertThat(v("R$ " + eu)).as(eu).isEqualByComparingTo(value);
      assertThat(v("$" + us + " CR")).isEqualByComparingTo(value.negate());
      assertThat(v("(" + us + ")")).isEqualByComparingTo(value.negate());
      assertThat(v(us + "-")).isEqualByComparingTo(value.negate());
    }
  }

  private static String group(BigDecimal value, char group, char decimal) {
    String plain = value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    String whole = plain.substring(0, plain.indexOf('.'));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(group);
      }
      out.append(whole.charAt(i));
    }
    return out + String.valueOf(decimal) + plain.substring(plain.indexOf('.') + 1);
  }
}
