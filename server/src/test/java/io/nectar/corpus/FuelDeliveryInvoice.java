package io.nectar.corpus;

import static io.nectar.corpus.Sheet.Weight.BOLD;
import static io.nectar.corpus.Sheet.Weight.REGULAR;

import io.nectar.corpus.BillTruth.LineItem;
import io.nectar.corpus.BillTruth.Usage;
import io.nectar.corpus.Printed.Credit;
import io.nectar.corpus.Printed.DateForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A delivered-fuel invoice (heating oil or propane): one delivery, gallons to a tenth at a price per
 * gallon to a tenth of a cent, dates with month names. A delivery has no service period; the truth's
 * period is the delivery day (start = end), the statement date the invoice date, and the "meter" the
 * tank number printed on the ticket.
 */
final class FuelDeliveryInvoice implements Layout {
  static final String ID = "gen-fuel-delivery";
  private static final float LEFT = 50;
  private static final float RIGHT = 562;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public GeneratedBill generate(SplittableRandom random, int index) {
    Draw draw = new Draw(random);
    boolean propane = draw.chance(0.4);
    String product = propane ? "Propane (HD-5)" : "#2 Heating Oil";
    String account = "NE-" + draw.digits(7);
    String tank = "T-" + draw.digits(5);
    String invoiceNumber = draw.digits(6);
    LocalDate delivery = draw.periodStart();
    LocalDate invoiced = delivery.plusDays(draw.between(0, 3));
    LocalDate due = invoiced.plusDays(30);
    BigDecimal gallons = draw.decimal(propane ? 60 : 90, propane ? 450 : 290, 1);
    BigDecimal price = draw.decimal(propane ? 1.899 : 2.899, propane ? 3.499 : 4.599, 3);
    Credit credit = Credit.MINUS;

    List<LineItem> lines = new ArrayList<>();
    List<String[]> printed = new ArrayList<>();
    add(lines, printed, product, gallons.toPlainString(), price.toPlainString(),
        Printed.cents(gallons.multiply(price)), credit);
    if (gallons.compareTo(new BigDecimal("125")) < 0) {
      add(lines, printed, "Small Delivery Fee", "", "", draw.decimal(25, 45, 2), credit);
    }
    if (propane && draw.chance(0.5)) {
      add(lines, printed, "Annual Tank Rental", "", "", draw.decimal(60, 120, 2), credit);
    }
    if (draw.chance(0.4)) {
      BigDecimal perGallon = new BigDecimal("0.10");
      add(lines, printed, "Prompt Pay Discount", gallons.toPlainString(), "-" + perGallon,
          Printed.cents(gallons.multiply(perGallon)).negate(), credit);
    }
    BigDecimal subtotal = lines.stream().map(LineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
    add(lines, printed, "Sales Tax 6%", "", "", Printed.cents(subtotal.multiply(new BigDecimal("0.06"))), credit);
    BigDecimal total = lines.stream().map(LineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);

    float dx = draw.jitter(5);
    float dy = draw.jitter(6);
    DateForm dates = DateForm.US_LONG_MONTH;
    Sheet sheet = new Sheet();
    sheet.text(LEFT + dx, 54 + dy, BOLD, 16, "Northeast Heating Oil & Propane, Inc.");
    sheet.text(LEFT + dx, 68 + dy, REGULAR, 8,
        "12 Depot Street, Rutland, VT 05701 - (802) 555-0177 - Licensed fuel dealer #4471");
    sheet.right(RIGHT, 54 + dy, BOLD, 20, "INVOICE");
    sheet.rule(LEFT, RIGHT, 78 + dy);
    float y = 100 + dy;
    sheet.text(LEFT + dx, y, BOLD, 9, "Bill To / Deliver To");
    sheet.text(LEFT + dx, y + 13, REGULAR, 9, draw.company());
    sheet.text(LEFT + dx, y + 25, REGULAR, 9, draw.street());
    sheet.text(LEFT + dx, y + 37, REGULAR, 9, draw.city());
    String[][] facts = {
        {"Invoice No.", invoiceNumber},
        {"Invoice Date", Printed.date(invoiced, dates)},
        {"Account", account},
        {"Tank No.", tank + (propane ? " (500 gal)" : " (275 gal)")},
        {"Delivery Date", Printed.date(delivery, dates)}};
    for (String[] fact : facts) {
      sheet.text(340 + dx, y, BOLD, 9, fact[0]);
      sheet.text(430 + dx, y, REGULAR, 9, fact[1]);
      y += 13;
    }
    y += 20;
    sheet.band(LEFT, RIGHT, y - 11, 15);
    float[] columns = {LEFT + 4, 330, 430, RIGHT - 4};
    sheet.text(columns[0], y, BOLD, 9, "Product / Service");
    sheet.right(columns[1], y, BOLD, 9, "Gallons");
    sheet.right(columns[2], y, BOLD, 9, "Price/Gal");
    sheet.right(columns[3], y, BOLD, 9, "Amount");
    y += 18;
    for (String[] row : printed) {
      sheet.text(columns[0], y, REGULAR, 9, row[0]);
      sheet.right(columns[1], y, REGULAR, 9, row[1]);
      sheet.right(columns[2], y, REGULAR, 9, row[2]);
      sheet.right(columns[3], y, REGULAR, 9, row[3]);
      y += 14;
    }
    sheet.rule(LEFT, RIGHT, y - 8);
    y += 6;
    sheet.text(330, y, BOLD, 11, "Total Due");
    sheet.right(RIGHT - 4, y, BOLD, 11, "$" + Printed.us(total));
    y += 16;
    sheet.text(330, y, REGULAR, 9, "Payment Due: " + Printed.date(due, dates));
    y += 30;
    sheet.text(LEFT, y, REGULAR, 8, "Meter ticket: start " + draw.between(10000, 90000) + ".0  gallons delivered "
        + gallons.toPlainString() + ".  Driver " + draw.between(2, 40) + ", truck " + draw.between(1, 12) + ".");
    sheet.text(LEFT, 745, REGULAR, 7, "Prices include all applicable state fees. Thank you for your business.");

    BillTruth truth = new BillTruth(ID, "FUEL", account, List.of(tank), delivery, delivery, invoiced, due,
        List.of(Usage.of(gallons, "gal")), List.of(), null, total, "USD", lines,
        "Generated. A delivery has no service period: periodStart = periodEnd = the delivery date; billDate = "
            + "invoice date; meterNumber = the tank number.");
    String name = ID + String.format("-%03d", index);
    return new GeneratedBill(name, sheet.pdf(name), truth);
  }

  private static void add(List<LineItem> lines, List<String[]> printed, String description, String quantity,
      String rate, BigDecimal amount, Credit credit) {
    lines.add(new LineItem(description, amount));
    printed.add(new String[] {description, quantity, rate, Printed.usAmount(amount, credit)});
  }
}
