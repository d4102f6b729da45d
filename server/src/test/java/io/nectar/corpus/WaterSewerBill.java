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
 * A municipal water and sewer bill in capitals: usage in gallons billed in
 * three increasing tiers per 1,000 gallons, sewer on the same volume, a stormwater fee, sometimes a
 * discount printed with a trailing CR.
 */
final class WaterSewerBill implements Layout {
  static final String ID = "gen-water-sewer";
  private static final BigDecimal THOUSAND = new BigDecimal("1000");
  private static final float LEFT = 50;
  private static final float RIGHT = 562;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public GeneratedBill generate(SplittableRandom random, int index) {
    Draw draw = new Draw(random);
    String account = String.format("%03d-%06d-%02d", draw.between(1, 999), draw.between(1, 999999),
        draw.between(0, 99));
    String meter = draw.digits(8);
    LocalDate start = draw.periodStart();
    LocalDate end = start.plusDays(draw.between(28, 33));
    LocalDate statement = end.plusDays(draw.between(3, 9));
    LocalDate due = statement.plusDays(draw.between(14, 21));
    long previousRead = draw.between(100000, 9000000) * 10L;
    long gallons = draw.between(150, 9000) * 10L;
    long firstLimit = 5000;
    long secondLimit = draw.oneOf(List.of(15000L, 20000L, 25000L));
    BigDecimal[] waterRates = {draw.decimal(2.5, 4, 2), draw.decimal(4.1, 5.5, 2), draw.decimal(5.6, 7.5, 2)};
    BigDecimal sewerRate = draw.decimal(4, 8, 2);
    Credit credit = Credit.CR_SUFFIX;

    List<LineItem> lines = new ArrayList<>();
    List<String[]> printed = new ArrayList<>();
    add(lines, printed, "WATER BASE CHARGE 5/8 IN METER", "", draw.decimal(12, 30, 2), credit);
    long first = Math.min(gallons, firstLimit);
    long second = Math.max(0, Math.min(gallons, secondLimit) - firstLimit);
    long third = Math.max(0, gallons - secondLimit);
    add(lines, printed, "WATER TIER 1 0 - " + Printed.us(BigDecimal.valueOf(firstLimit)) + " GAL",
        tierText(first, waterRates[0]), perThousand(first, waterRates[0]), credit);
    if (second > 0) {
      add(lines, printed, "WATER TIER 2 " + Printed.us(BigDecimal.valueOf(firstLimit + 1)) + " - "
          + Printed.us(BigDecimal.valueOf(secondLimit)) + " GAL", tierText(second, waterRates[1]),
          perThousand(second, waterRates[1]), credit);
    }
    if (third > 0) {
      add(lines, printed, "WATER TIER 3 OVER " + Printed.us(BigDecimal.valueOf(secondLimit)) + " GAL",
          tierText(third, waterRates[2]), perThousand(third, waterRates[2]), credit);
    }
    add(lines, printed, "SEWER BASE CHARGE", "", draw.decimal(15, 35, 2), credit);
    add(lines, printed, "SEWER USAGE", tierText(gallons, sewerRate), perThousand(gallons, sewerRate), credit);
    add(lines, printed, "STORMWATER FEE", "", draw.decimal(3, 12, 2), credit);
    if (draw.chance(0.3)) {
      add(lines, printed, "SENIOR CITIZEN DISCOUNT", "", draw.decimal(2, 10, 2).negate(), credit);
    }
    BigDecimal total = lines.stream().map(LineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);

    float dx = draw.jitter(4);
    float dy = draw.jitter(6);
    DateForm dates = DateForm.US_NUMERIC;
    Sheet sheet = new Sheet();
    sheet.text(LEFT + dx, 52 + dy, BOLD, 14, "CITY OF MILLBROOK");
    sheet.text(LEFT + dx, 66 + dy, REGULAR, 9, "DEPARTMENT OF PUBLIC UTILITIES - UTILITY BILLING");
    sheet.text(LEFT + dx, 78 + dy, REGULAR, 9, "200 CIVIC CENTER DR, MILLBROOK   (555) 555-0110");
    sheet.rule(LEFT, RIGHT, 88 + dy);
    float y = 108 + dy;
    String[][] left = {
        {"ACCOUNT NUMBER:", account},
        {"SERVICE ADDRESS:", draw.street().toUpperCase(java.util.Locale.ROOT)},
        {"METER NO:", meter},
        {"BILLING DATE:", Printed.date(statement, dates)}};
    for (String[] row : left) {
      sheet.text(LEFT + dx, y, BOLD, 9, row[0]);
      sheet.text(LEFT + 120 + dx, y, REGULAR, 9, row[1]);
      y += 13;
    }
    y += 10;
    sheet.text(LEFT, y, BOLD, 9, "SERVICE FROM " + Printed.date(start, dates) + " TO " + Printed.date(end, dates));
    y += 18;
    sheet.text(LEFT, y, BOLD, 9, "PREVIOUS READ");
    sheet.text(190, y, BOLD, 9, "CURRENT READ");
    sheet.right(RIGHT, y, BOLD, 9, "USAGE (GAL)");
    y += 12;
    sheet.text(LEFT, y, REGULAR, 9, Printed.us(BigDecimal.valueOf(previousRead)));
    sheet.text(190, y, REGULAR, 9, Printed.us(BigDecimal.valueOf(previousRead + gallons)));
    sheet.right(RIGHT, y, REGULAR, 9, Printed.us(BigDecimal.valueOf(gallons)));
    y += 24;
    sheet.text(LEFT, y, BOLD, 10, "CURRENT CHARGES");
    sheet.rule(LEFT, RIGHT, y + 4);
    y += 18;
    for (String[] row : printed) {
      sheet.text(LEFT, y, REGULAR, 8, row[0]);
      sheet.text(330, y, REGULAR, 8, row[1]);
      sheet.right(RIGHT, y, REGULAR, 8, row[2]);
      y += 12;
    }
    sheet.rule(420, RIGHT, y - 6);
    y += 6;
    sheet.text(LEFT, y, BOLD, 10, "TOTAL CURRENT CHARGES");
    sheet.right(RIGHT, y, BOLD, 10, Printed.us(total));
    y += 26;
    sheet.text(LEFT, y, BOLD, 10, "DUE DATE " + Printed.date(due, dates));
    sheet.right(RIGHT, y, BOLD, 10, "AMOUNT DUE " + Printed.us(total));
    sheet.text(LEFT, 745, REGULAR, 7, "A 10% PENALTY APPLIES AFTER THE DUE DATE. CR = CREDIT.");

    BillTruth truth = new BillTruth(ID, "WATER", account, List.of(meter), start, end, statement, due,
        List.of(Usage.of(BigDecimal.valueOf(gallons), "gal")), List.of(), null, total, "USD", lines,
        "Generated. Water in three tiers per 1,000 gal plus sewer on the same volume.");
    String name = ID + String.format("-%03d", index);
    return new GeneratedBill(name, sheet.pdf(name), truth);
  }

  private static String tierText(long gallons, BigDecimal rate) {
    return Printed.us(BigDecimal.valueOf(gallons)) + " GAL @ " + rate.toPlainString() + "/1000";
  }

  private static BigDecimal perThousand(long gallons, BigDecimal rate) {
    return Printed.cents(BigDecimal.valueOf(gallons).multiply(rate).divide(THOUSAND));
  }

  private static void add(List<LineItem> lines, List<String[]> printed, String description, String quantity,
      BigDecimal amount, Credit credit) {
    lines.add(new LineItem(description, amount));
    printed.add(new String[] {description, quantity, Printed.usAmount(amount, credit)});
  }
}
