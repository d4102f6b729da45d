package io.nectar.corpus;

import static io.nectar.corpus.Sheet.Weight.BOLD;
import static io.nectar.corpus.Sheet.Weight.REGULAR;

import io.nectar.corpus.BillTruth.LineItem;
import io.nectar.corpus.BillTruth.Usage;
import io.nectar.corpus.Printed.Credit;
import io.nectar.corpus.Printed.DateForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A one-page gas bill metered in CCF and billed in therms: the bill states its therm factor, and
 * therms = CCF x factor exactly (the factor has three decimals, the therms are printed in full), so
 * both readings of the usage agree. Credits are printed in parentheses; labels sit left of their values.
 */
final class GasCcfBill implements Layout {
  static final String ID = "gen-gas-ccf";
  private static final float LEFT = 54;
  private static final float RIGHT = 558;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public GeneratedBill generate(SplittableRandom random, int index) {
    Draw draw = new Draw(random);
    String account = draw.digits(4) + " " + draw.digits(4) + " " + draw.digits(4);
    String meter = "G" + draw.digits(7);
    LocalDate start = draw.periodStart();
    LocalDate end = start.plusDays(draw.between(28, 34));
    LocalDate statement = end.plusDays(draw.between(1, 4));
    LocalDate due = statement.plusDays(draw.between(18, 24));
    long previousRead = draw.between(1000, 9000);
    long ccf = draw.between(12, 900);
    BigDecimal factor = draw.decimal(1.010, 1.090, 3);
    BigDecimal therms = BigDecimal.valueOf(ccf).multiply(factor);
    BigDecimal distributionRate = draw.decimal(0.25, 0.65, 5);
    BigDecimal supplyRate = draw.decimal(0.35, 0.95, 5);
    Credit credit = Credit.PARENTHESES;

    List<LineItem> lines = new ArrayList<>();
    List<String[]> printed = new ArrayList<>();
    add(lines, printed, "Customer Charge", draw.decimal(9, 38, 2), credit);
    add(lines, printed, "Distribution Charge " + therms.toPlainString() + " therms @ $" + distributionRate,
        Printed.cents(therms.multiply(distributionRate)), credit);
    add(lines, printed, "Gas Supply Charge " + therms.toPlainString() + " therms @ $" + supplyRate,
        Printed.cents(therms.multiply(supplyRate)), credit);
    add(lines, printed, "Energy Efficiency Surcharge", Printed.cents(therms.multiply(new BigDecimal("0.0415"))),
        credit);
    if (draw.chance(0.35)) {
      add(lines, printed, "Budget Billing Adjustment Credit", draw.decimal(1, 40, 2).negate(), credit);
    }
    BigDecimal subtotal = lines.stream().map(LineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
    add(lines, printed, "State Gross Receipts Tax 2.5%", Printed.cents(subtotal.multiply(new BigDecimal("0.025"))),
        credit);
    BigDecimal total = lines.stream().map(LineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);

    float dx = draw.jitter(5);
    float dy = draw.jitter(6);
    DateForm dates = DateForm.US_NUMERIC;
    Sheet sheet = new Sheet();
    sheet.text(LEFT + dx, 56 + dy, BOLD, 18, "Prairie Natural Gas Company");
    sheet.text(LEFT + dx, 70 + dy, REGULAR, 9, "Customer Service 1-888-555-0199 - Emergencies and gas leaks call 911");
    sheet.rule(LEFT, RIGHT, 80 + dy);
    float y = 102 + dy;
    String[][] facts = {
        {"Account No.", account},
        {"Bill Date", Printed.date(statement, dates)},
        {"Billing Period", Printed.date(start, dates) + " to " + Printed.date(end, dates) + " ("
            + ChronoUnit.DAYS.between(start, end) + " days)"},
        {"Amount Due", "$" + Printed.us(total)},
        {"Due By", Printed.date(due, dates)}};
    for (String[] fact : facts) {
      sheet.text(330 + dx, y, BOLD, 10, fact[0]);
      sheet.text(420 + dx, y, REGULAR, 10, fact[1]);
      y += 14;
    }
    sheet.text(LEFT + dx, 102 + dy, REGULAR, 10, draw.company());
    sheet.text(LEFT + dx, 116 + dy, REGULAR, 10, draw.street());
    sheet.text(LEFT + dx, 130 + dy, REGULAR, 10, draw.city());
    y += 16;
    sheet.text(LEFT, y, BOLD, 12, "Meter Reading Information");
    sheet.rule(LEFT, RIGHT, y + 5);
    y += 20;
    String[] heads = {"Meter", "Previous Read", "Current Read", "Difference"};
    float[] columns = {LEFT, 250, 390, RIGHT};
    sheet.text(columns[0], y, BOLD, 9, heads[0]);
    for (int i = 1; i < heads.length; i++) {
      sheet.right(columns[i], y, BOLD, 9, heads[i]);
    }
    y += 14;
    sheet.text(columns[0], y, REGULAR, 10, meter);
    sheet.right(columns[1], y, REGULAR, 10, Printed.date(start, dates) + "  " + previousRead + " A");
    sheet.right(columns[2], y, REGULAR, 10, Printed.date(end, dates) + "  " + (previousRead + ccf) + " A");
    sheet.right(columns[3], y, REGULAR, 10, ccf + " CCF");
    y += 18;
    sheet.text(LEFT, y, REGULAR, 10, "CCF used: " + ccf);
    sheet.text(190, y, REGULAR, 10, "Therm factor: " + factor.toPlainString());
    sheet.right(RIGHT, y, BOLD, 10, "Therms billed (CCF x therm factor): " + therms.toPlainString());
    y += 30;
    sheet.text(LEFT, y, BOLD, 12, "Current Charges");
    sheet.rule(LEFT, RIGHT, y + 5);
    y += 20;
    for (String[] row : printed) {
      sheet.text(LEFT + 6, y, REGULAR, 10, row[0]);
      sheet.right(RIGHT, y, REGULAR, 10, row[1]);
      y += 14;
    }
    sheet.rule(380, RIGHT, y - 8);
    y += 4;
    sheet.text(LEFT + 6, y, BOLD, 11, "Total Current Gas Charges");
    sheet.right(RIGHT, y, BOLD, 11, "$" + Printed.us(total));
    y += 30;
    sheet.text(LEFT, y, REGULAR, 9, "Previous balance $" + Printed.us(draw.decimal(20, 400, 2))
        + " was paid in full. Thank you.");
    sheet.text(LEFT, 742, REGULAR, 8, "Amounts shown in parentheses are credits. A therm is 100,000 Btu.");

    BillTruth truth = new BillTruth(ID, "GAS", account, List.of(meter), start, end, statement, due,
        List.of(Usage.of(therms, "therms")), List.of(Usage.of(BigDecimal.valueOf(ccf), "CCF")), null, total, "USD",
        lines, "Generated. therms = CCF x the printed therm factor, exactly.");
    String name = ID + String.format("-%03d", index);
    return new GeneratedBill(name, sheet.pdf(name), truth);
  }

  private static void add(List<LineItem> lines, List<String[]> printed, String description, BigDecimal amount,
      Credit credit) {
    lines.add(new LineItem(description, amount));
    printed.add(new String[] {description, Printed.usAmount(amount, credit)});
  }
}
