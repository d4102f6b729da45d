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
 * A two-page commercial electricity bill with two or three meters. Page 1: account facts, the account
 * summary (previous balance, payment, current charges) and the charges by meter; page 2: the meter
 * readings, on-peak and off-peak registers with a multiplier, and the billed demand of the primary
 * meter, the only meter with a demand register (so one billed kW figure is unambiguous).
 */
final class CommercialElectricBill implements Layout {
  static final String ID = "gen-commercial-electric";
  private static final String ISSUER = "CASCADE POWER & LIGHT";
  private static final float LEFT = 48;
  private static final float RIGHT = 566;

  @Override
  public String id() {
    return ID;
  }

  /** One meter's two registers over the period. */
  private record Meter(String number, long onPrevious, long onCurrent, long offPrevious, long offCurrent,
      int multiplier) {
    BigDecimal onPeak() {
      return BigDecimal.valueOf((onCurrent - onPrevious) * multiplier);
    }

    BigDecimal offPeak() {
      return BigDecimal.valueOf((offCurrent - offPrevious) * multiplier);
    }
  }

  @Override
  public GeneratedBill generate(SplittableRandom random, int index) {
    Draw draw = new Draw(random);
    String account = draw.digits(4) + "-" + draw.digits(6) + "-" + draw.between(0, 9);
    LocalDate start = draw.periodStart();
    LocalDate end = start.plusDays(draw.between(28, 33));
    LocalDate statement = end.plusDays(draw.between(2, 6));
    LocalDate due = statement.plusDays(draw.between(15, 25));
    List<Meter> meters = new ArrayList<>();
    int meterCount = draw.between(2, 3);
    for (int i = 0; i < meterCount; i++) {
      int multiplier = i == 0 ? draw.oneOf(List.of(1, 40, 80, 120)) : 1;
      long onPrevious = draw.between(1000, 90000);
      long offPrevious = draw.between(1000, 90000);
      int scale = i == 0 ? 1 : 20;
      long onUse = draw.between(4000, 60000) / multiplier / scale + 1;
      long offUse = draw.between(6000, 90000) / multiplier / scale + 1;
      meters.add(new Meter(draw.digits(8), onPrevious, onPrevious + onUse, offPrevious, offPrevious + offUse,
          multiplier));
    }
    BigDecimal demandKw = draw.decimal(40, 900, 1);
    BigDecimal onRate = draw.decimal(0.07, 0.16, 5);
    BigDecimal offRate = draw.decimal(0.04, 0.09, 5);
    BigDecimal demandRate = draw.decimal(6, 18, 2);
    Credit credit = Credit.MINUS;

    List<LineItem> lines = new ArrayList<>();
    List<String[]> printed = new ArrayList<>(); // description, quantity, rate, amount
    BigDecimal basic = draw.decimal(45, 240, 2);
    add(lines, printed, "Basic Charge", "", "", basic);
    for (Meter meter : meters) {
      add(lines, printed, "On-Peak Energy - Meter " + meter.number(), Printed.us(meter.onPeak()) + " kWh",
          onRate.toPlainString(), Printed.cents(meter.onPeak().multiply(onRate)));
      add(lines, printed, "Off-Peak Energy - Meter " + meter.number(), Printed.us(meter.offPeak()) + " kWh",
          offRate.toPlainString(), Printed.cents(meter.offPeak().multiply(offRate)));
    }
    add(lines, printed, "Demand Charge - Meter " + meters.get(0).number(), demandKw.toPlainString() + " kW",
        demandRate.toPlainString(), Printed.cents(demandKw.multiply(demandRate)));
    if (draw.chance(0.3)) {
      add(lines, printed, "Energy Efficiency Program Credit", "", "", draw.decimal(5, 80, 2).negate());
    }
    BigDecimal subtotal = sum(lines);
    BigDecimal franchiseRate = new BigDecimal("0.030");
    add(lines, printed, "City Franchise Fee 3.0%", "", "", Printed.cents(subtotal.multiply(franchiseRate)));
    BigDecimal taxRate = draw.oneOf(List.of(new BigDecimal("0.0625"), new BigDecimal("0.0475"),
        new BigDecimal("0.0500")));
    String taxLabel = "State Sales Tax " + taxRate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    add(lines, printed, taxLabel, "", "", Printed.cents(subtotal.multiply(taxRate)));
    BigDecimal total = sum(lines);
    BigDecimal previous = draw.decimal(800, 40000, 2);

    float dx = draw.jitter(4);
    float dy = draw.jitter(5);
    DateForm dates = DateForm.US_SHORT_MONTH;
    Sheet sheet = new Sheet();
    // Page 1: who, when, how much.
    sheet.text(LEFT + dx, 50 + dy, BOLD, 17, ISSUER);
    sheet.text(LEFT + dx, 64 + dy, REGULAR, 8,
        "PO Box 4410, Portland, OR 97208-4410   cascadepower.example   1-800-555-0142");
    sheet.right(RIGHT, 50 + dy, BOLD, 11, "Commercial Electric Service");
    sheet.right(RIGHT, 64 + dy, REGULAR, 8, "Page 1 of 2");
    sheet.rule(LEFT, RIGHT, 74 + dy);
    float y = 96 + dy;
    sheet.text(LEFT + dx, y, BOLD, 10, draw.company());
    String street = draw.street();
    String city = draw.city();
    sheet.text(LEFT + dx, y + 13, REGULAR, 9, "Service Address:");
    sheet.text(LEFT + dx, y + 25, REGULAR, 9, street);
    sheet.text(LEFT + dx, y + 37, REGULAR, 9, city);
    String[][] facts = {
        {"Account Number:", account},
        {"Statement Date:", Printed.date(statement, dates)},
        {"Billing Period:", Printed.date(start, dates) + " - " + Printed.date(end, dates)},
        {"Days in Period:", String.valueOf(ChronoUnit.DAYS.between(start, end))},
        {"Payment Due Date:", Printed.date(due, dates)}};
    float factY = y;
    for (String[] fact : facts) {
      sheet.text(318 + dx, factY, BOLD, 9, fact[0]);
      sheet.text(420 + dx, factY, REGULAR, 9, fact[1]);
      factY += 13;
    }
    y = factY + 16;
    sheet.band(LEFT, RIGHT, y - 11, 15);
    sheet.text(LEFT + 4, y, BOLD, 10, "ACCOUNT SUMMARY");
    y += 18;
    String[][] summary = {
        {"Previous Balance", Printed.us(previous)},
        {"Payment Received - Thank You", Printed.usAmount(previous.negate(), credit)},
        {"Current Charges", Printed.us(total)}};
    for (String[] row : summary) {
      sheet.text(LEFT + 4, y, REGULAR, 9, row[0]);
      sheet.right(RIGHT - 4, y, REGULAR, 9, row[1].startsWith("-") ? "-$" + row[1].substring(1) : "$" + row[1]);
      y += 13;
    }
    sheet.text(LEFT + 4, y + 2, BOLD, 10, "Total Amount Due");
    sheet.right(RIGHT - 4, y + 2, BOLD, 10, "$" + Printed.us(total));
    y += 28;
    sheet.band(LEFT, RIGHT, y - 11, 15);
    sheet.text(LEFT + 4, y, BOLD, 10, "DETAIL OF CURRENT CHARGES");
    y += 18;
    sheet.text(LEFT + 4, y, BOLD, 8, "Description");
    sheet.right(390, y, BOLD, 8, "Quantity");
    sheet.right(470, y, BOLD, 8, "Rate ($)");
    sheet.right(RIGHT - 4, y, BOLD, 8, "Amount ($)");
    sheet.rule(LEFT, RIGHT, y + 4);
    y += 16;
    for (String[] row : printed) {
      sheet.text(LEFT + 4, y, REGULAR, 9, row[0]);
      sheet.right(390, y, REGULAR, 9, row[1]);
      sheet.right(470, y, REGULAR, 9, row[2]);
      sheet.right(RIGHT - 4, y, REGULAR, 9, row[3]);
      y += 13;
    }
    sheet.rule(LEFT, RIGHT, y - 8);
    y += 4;
    sheet.text(LEFT + 4, y, BOLD, 10, "Total Current Charges");
    sheet.right(RIGHT - 4, y, BOLD, 10, "$" + Printed.us(total));
    sheet.text(LEFT + dx, 740, REGULAR, 7, "Late payments are subject to a 1.5% monthly charge. Rates are on file with"
        + " the Public Utility Commission.");

    // Page 2: the meters.
    sheet.newPage();
    sheet.text(LEFT + dx, 50 + dy, BOLD, 13, ISSUER);
    sheet.right(RIGHT, 50 + dy, REGULAR, 8, "Account " + account + "   Page 2 of 2");
    sheet.rule(LEFT, RIGHT, 60 + dy);
    y = 84 + dy;
    sheet.band(LEFT, RIGHT, y - 11, 15);
    sheet.text(LEFT + 4, y, BOLD, 10, "METER READINGS");
    y += 20;
    List<Usage> usage = new ArrayList<>();
    List<String> meterNumbers = new ArrayList<>();
    for (Meter meter : meters) {
      meterNumbers.add(meter.number());
      sheet.text(LEFT + 4, y, BOLD, 9, "Meter Number: " + meter.number());
      sheet.text(230, y, REGULAR, 9, "Read Dates: " + Printed.date(start, DateForm.US_NUMERIC) + " - "
          + Printed.date(end, DateForm.US_NUMERIC));
      sheet.right(RIGHT - 4, y, REGULAR, 9, "Multiplier: " + meter.multiplier());
      y += 15;
      sheet.text(LEFT + 4, y, BOLD, 8, "Register");
      sheet.right(300, y, BOLD, 8, "Previous Reading");
      sheet.right(400, y, BOLD, 8, "Current Reading");
      sheet.right(RIGHT - 4, y, BOLD, 8, "Usage");
      y += 13;
      y = register(sheet, y, "On-Peak kWh", meter.onPrevious(), meter.onCurrent(), meter.onPeak());
      y = register(sheet, y, "Off-Peak kWh", meter.offPrevious(), meter.offCurrent(), meter.offPeak());
      usage.add(new Usage(meter.onPeak(), "kWh", meter.number(), "on-peak"));
      usage.add(new Usage(meter.offPeak(), "kWh", meter.number(), "off-peak"));
      if (meter == meters.get(0)) {
        sheet.text(LEFT + 4, y, REGULAR, 9, "Maximum Demand kW");
        sheet.right(RIGHT - 4, y, REGULAR, 9, demandKw.toPlainString() + " kW");
        y += 13;
      }
      y += 14;
    }
    sheet.text(LEFT + 4, y, BOLD, 9, "Billed Demand: " + demandKw.toPlainString() + " kW");
    sheet.text(LEFT + 4, y + 14, REGULAR, 8,
        "On-peak hours: weekdays 7:00 a.m. to 11:00 p.m. Off-peak: all other hours.");

    BillTruth truth = new BillTruth(ID, "ELECTRICITY", account, meterNumbers, start, end, statement, due, usage,
        List.of(), demandKw, total, "USD", lines,
        "Generated. totalCharges = Current Charges = Total Amount Due (previous balance paid in full).");
    String name = ID + String.format("-%03d", index);
    return new GeneratedBill(name, sheet.pdf(name), truth);
  }

  private static float register(Sheet sheet, float y, String name, long previous, long current, BigDecimal usage) {
    sheet.text(LEFT + 4, y, REGULAR, 9, name);
    sheet.right(300, y, REGULAR, 9, Printed.us(BigDecimal.valueOf(previous)));
    sheet.right(400, y, REGULAR, 9, Printed.us(BigDecimal.valueOf(current)));
    sheet.right(RIGHT - 4, y, REGULAR, 9, Printed.us(usage) + " kWh");
    return y + 13;
  }

  private static void add(List<LineItem> lines, List<String[]> printed, String description, String quantity,
      String rate, BigDecimal amount) {
    lines.add(new LineItem(description, amount));
    printed.add(new String[] {description, quantity, rate, Printed.usAmount(amount, Credit.MINUS)});
  }

  private static BigDecimal sum(List<LineItem> lines) {
    return lines.stream().map(LineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
