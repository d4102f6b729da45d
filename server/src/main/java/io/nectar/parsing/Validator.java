package io.nectar.parsing;

import io.nectar.parsing.ExtractedBill.Charge;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stage 6: the rules a correctly read bill keeps. A broken rule does not reject the bill; it becomes a
 * {@link Problem} that flags the document for a person to check.
 */
public final class Validator {
  /** A billing period longer than this is a misread (two dates from different places), not a bill. */
  static final int MAX_PERIOD_DAYS = 400;
  /** How far past today a period may end: bills are issued after the period, estimates a little ahead. */
  static final int MAX_DAYS_AHEAD = 62;
  /** Registers that measure energy sent to the grid, whose figures a bill may print as negative. */
  private static final Set<String> EXPORT_REGISTERS = Set.of("EXPORT", "NET", "NET_EXPORT", "GENERATION", "SOLAR");

  private final Clock clock;

  public Validator() {
    this(Clock.systemUTC());
  }

  /** With the clock that says what "the far future" is, so tests can fix today. */
  public Validator(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  public List<Problem> check(ExtractedBill bill) {
    List<Problem> problems = new ArrayList<>();
    keyFields(bill, problems);
    lineItemsSum(bill, problems);
    period(bill, problems);
    usage(bill, problems);
    dueDate(bill, problems);
    return problems;
  }

  private static void keyFields(ExtractedBill bill, List<Problem> problems) {
    trusted("accountNumber", bill.accountNumber(), problems);
    trusted("periodStart", bill.periodStart(), problems);
    trusted("periodEnd", bill.periodEnd(), problems);
    trusted("totalCharges", bill.totalCharges(), problems);
    if (bill.meters().isEmpty()) {
      problems.add(new Problem("usage", "no usage was read"));
    }
    for (int i = 0; i < bill.meters().size(); i++) {
      MeterUsage meter = bill.meters().get(i);
      String name = bill.meters().size() == 1 ? "usage" : "meters[" + i + "].usage";
      trusted(name, meter.usage(), problems);
      if (meter.usageUnits() == null) {
        problems.add(new Problem(name, "the usage has no units"));
      }
    }
  }

  private static void trusted(String name, Field<?> field, List<Problem> problems) {
    if (field == null || field.value() == null) {
      problems.add(new Problem(name, "not found on the bill"));
    } else if (!field.isTrusted()) {
      problems.add(new Problem(name, "read with low confidence (" + Math.round(field.confidence() * 100)
          + "%) from \"" + field.raw() + "\""));
    }
  }

  private static void lineItemsSum(ExtractedBill bill, List<Problem> problems) {
    if (bill.lineItems().isEmpty() || bill.totalCharges() == null || bill.totalCharges().value() == null) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Charge charge : bill.lineItems()) {
      if (charge.amount() != null) {
        sum = sum.add(charge.amount());
      }
    }
    BigDecimal total = bill.totalCharges().value();
    if (cents(sum).compareTo(cents(total)) != 0) {
      problems.add(new Problem("lineItems", "the line items sum to " + sum.toPlainString()
          + ", not the total charges " + total.toPlainString()));
    }
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  private void period(ExtractedBill bill, List<Problem> problems) {
    LocalDate start = value(bill.periodStart());
    LocalDate end = value(bill.periodEnd());
    if (start != null && end != null) {
      if (start.isAfter(end)) {
        problems.add(new Problem("periodStart", "the period starts (" + start + ") after it ends (" + end + ")"));
      } else {
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_PERIOD_DAYS) {
          problems.add(new Problem("periodEnd", "the period is " + days + " days long, more than "
              + MAX_PERIOD_DAYS));
        }
      }
    }
    LocalDate latest = LocalDate.now(clock).plusDays(MAX_DAYS_AHEAD);
    if (end != null && end.isAfter(latest)) {
      problems.add(new Problem("periodEnd", "the period ends in the future (" + end + ")"));
    } else if (start != null && start.isAfter(latest)) {
      problems.add(new Problem("periodStart", "the period starts in the future (" + start + ")"));
    }
  }

  private static void usage(ExtractedBill bill, List<Problem> problems) {
    for (int i = 0; i < bill.meters().size(); i++) {
      MeterUsage meter = bill.meters().get(i);
      BigDecimal usage = value(meter.usage());
      boolean export = meter.register() != null && EXPORT_REGISTERS.contains(meter.register());
      if (usage != null && usage.signum() < 0 && !export) {
        String name = bill.meters().size() == 1 ? "usage" : "meters[" + i + "].usage";
        problems.add(new Problem(name, "the usage is negative (" + usage.toPlainString() + ")"));
      }
    }
  }

  private static void dueDate(ExtractedBill bill, List<Problem> problems) {
    LocalDate due = value(bill.dueDate());
    LocalDate start = value(bill.periodStart());
    if (due != null && start != null && due.isBefore(start)) {
      problems.add(new Problem("dueDate", "the due date (" + due + ") is before the period starts (" + start + ")"));
    }
  }

  private static <T> T value(Field<T> field) {
    return field == null ? null : field.value();
  }
}
