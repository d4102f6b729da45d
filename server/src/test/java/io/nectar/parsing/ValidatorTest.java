package io.nectar.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private final Validator validator = new Validator(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"),
      ZoneOffset.UTC));

  private static <T> Field<T> sure(T value) {
    return Field.of(value, 0.95, String.valueOf(value));
  }

  private static MeterUsage meter(String usage, String units, String register) {
    return new MeterUsage(sure("M1"), null, null, sure(new BigDecimal(usage)), units, new BigDecimal(usage), units,
        null, null, null, false, register, List.of(), List.of());
  }

  private static Charge charge(String amount) {
    return new Charge("x", null, null, null, new BigDecimal(amount), null, null);
  }

  private static ExtractedBill.Builder good() {
    return ExtractedBill.builder("t")
        .accountNumber(sure("123"))
        .periodStart(sure(LocalDate.of(2024, 1, 5)))
        .periodEnd(sure(LocalDate.of(2024, 2, 4)))
        .dueDate(sure(LocalDate.of(2024, 2, 20)))
        .totalCharges(sure(new BigDecimal("30.00")))
        .meters(List.of(meter("100", "kWh", null)))
        .lineItems(List.of(charge("10.50"), charge("19.50")));
  }

  @Test
  void aGoodBillHasNoProblems() {
    assertThat(validator.check(good().build())).isEmpty();
  }

  @Test
  void lineItemsMustSumToTheTotalToTheCent() {
    assertThat(validator.check(good().lineItems(List.of(charge("10.50"), charge("19.49"))).build()))
        .extracting(Problem::field).containsExactly("lineItems");
    assertThat(validator.check(good().lineItems(List.of()).build())).isEmpty();
    assertThat(validator.check(good().lineItems(List.of(charge("40.00"), charge("-10.00"))).build())).isEmpty();
  }

  @Test
  void periodOrderedPlausibleAndNotInTheFuture() {
    assertThat(validator.check(good().periodStart(sure(LocalDate.of(2024, 2, 5))).build()))
        .extracting(Problem::field).contains("periodStart");
    assertThat(validator.check(good().periodStart(sure(LocalDate.of(2022, 2, 5))).build()))
        .extracting(Problem::field).containsExactly("periodEnd");
    assertThat(validator.check(good().periodStart(sure(LocalDate.of(2023, 1, 1)))
        .periodEnd(sure(LocalDate.of(2024, 2, 4))).build())).isEmpty();
    assertThat(validator.check(good().periodStart(sure(LocalDate.of(2030, 1, 5)))
        .periodEnd(sure(LocalDate.of(2030, 2, 4))).dueDate(null).build()))
        .extracting(Problem::field).containsExactly("periodEnd");
  }

  @Test
  void usageIsNotNegativeExceptOnAnExportRegister() {
    assertThat(validator.check(good().meters(List.of(meter("-5", "kWh", null))).build()))
        .extracting(Problem::field).containsExactly("usage");
    assertThat(validator.check(good().meters(List.of(meter("100", "kWh", null), meter("-5", "kWh", "EXPORT")))
        .build())).isEmpty();
  }

  @Test
  void dueDateNotBeforeThePeriodStarts() {
    assertThat(validator.check(good().dueDate(sure(LocalDate.of(2024, 1, 4))).build()))
        .extracting(Problem::field).containsExactly("dueDate");
  }

  @Test
  void keyFieldsMustBePresentAndTrusted() {
    assertThat(validator.check(good().accountNumber(null).build()))
        .extracting(Problem::field).containsExactly("accountNumber");
    assertThat(validator.check(good().totalCharges(Field.of(new BigDecimal("30.00"), 0.5, "3O.00")).build()))
        .singleElement().satisfies(p -> {
          assertThat(p.field()).isEqualTo("totalCharges");
          assertThat(p.message()).contains("3O.00");
        });
    assertThat(validator.check(good().meters(List.of()).build()))
        .extracting(Problem::field).containsExactly("usage");
    assertThat(validator.check(good().meters(List.of(meter("100", null, null))).build()))
        .extracting(Problem::field).containsExactly("usage");
    assertThat(validator.check(good().periodEnd(null).build()))
        .extracting(Problem::field).containsExactly("periodEnd");
  }
}
