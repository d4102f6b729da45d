package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderInterval;
import io.nectar.providers.ProviderLineItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Makes one account's bill for one calendar month: the tariff's charges, the sales tax, the PDF. */
final class SandboxBills {
  static final String UTILITY_NAME = "Nectar Sandbox Utility";
  static final int DAYS_TO_PAY = 21;

  /** A month's bill and, when asked for, the meter's hourly readings over the same days. */
  record BilledMonth(ProviderBill bill, List<ProviderInterval> intervals) {}

  private SandboxBills() {}

  /** Whether a month's bill comes with its hourly readings. */
  enum Intervals { INCLUDED, OMITTED }

  static BilledMonth bill(SandboxAccount account, YearMonth month, Intervals intervals) {
    SplittableRandom random = SandboxSeed.forMonth(account.connectionId(), account.siteIndex(), account.type(), month);
    // Split off before the tariff draws, so interval quality never shifts the bill's figures.
    SplittableRandom readings = random.split();
    MonthlyCharges charges = SandboxTariff.of(account.type()).charge(account, month, random);
    ProviderBill bill = assemble(account, month, charges);
    List<ProviderInterval> hourly = intervals == Intervals.INCLUDED && charges.hourlyWattHours() != null
        ? SandboxIntervals.of(account.meterKey(), charges.usage().usageUnits(), month, charges.hourlyWattHours(),
            readings)
        : List.of();
    return new BilledMonth(bill, hourly);
  }

  private static ProviderBill assemble(SandboxAccount account, YearMonth month, MonthlyCharges charges) {
    List<ProviderLineItem> lines = new ArrayList<>(charges.lines());
    BigDecimal taxable = sum(lines, false);
    SandboxLocale locale = account.locale();
    lines.add(SandboxLine.tax(locale.taxName(), taxable, locale.taxRate()));
    BigDecimal total = lines.stream().map(ProviderLineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);

    // CONTRACT §2: the bill date is the last day of the period, not the day the bill was printed.
    LocalDate billDate = month.atEndOfMonth();
    String accountNumber = account.accountNumber();
    ProviderBill draft = new ProviderBill(accountNumber + "/" + month, accountNumber, UTILITY_NAME, month.atDay(1),
        billDate, billDate, billDate.plusDays(DAYS_TO_PAY), locale.currency(), total, sum(lines, true),
        List.of(charges.usage()), List.copyOf(lines), charges.demand(), fileName(accountNumber, month), null);
    byte[] pdf = SandboxBillPdf.render(draft, account.meter());
    return new ProviderBill(draft.key(), accountNumber, UTILITY_NAME, draft.startDate(), draft.endDate(),
        draft.billDate(), draft.dueDate(), draft.chargesUnits(), draft.totalCharges(), draft.taxCharges(),
        draft.usage(), draft.lineItems(), draft.demand(), draft.fileName(), pdf);
  }

  static String fileName(String accountNumber, YearMonth month) {
    return "nectar-sandbox-" + accountNumber.replaceAll("[^A-Za-z0-9-]", "") + "-" + month + ".pdf";
  }

  private static BigDecimal sum(List<ProviderLineItem> lines, boolean taxes) {
    return lines.stream().filter(line -> SandboxLine.TAX.equals(line.chargeType()) == taxes)
        .map(ProviderLineItem::totalCharge).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }
}
