package io.nectar.corpus;

import static io.nectar.corpus.Sheet.Weight.BOLD;
import static io.nectar.corpus.Sheet.Weight.REGULAR;

import io.nectar.corpus.BillTruth.LineItem;
import io.nectar.corpus.BillTruth.Usage;
import io.nectar.corpus.Printed.DateForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A German electricity bill (Stromrechnung): German labels, day-first dates with dots, comma
 * decimals with dot thousands, amounts in euro with the sign after the number, net amount then
 * 19 % VAT (Umsatzsteuer) to a gross total. The net amount is a subtotal, not a line item.
 */
final class EuropeanElectricBill implements Layout {
  static final String ID = "gen-eu-electric";
  private static final BigDecimal VAT = new BigDecimal("0.19");
  private static final float LEFT = 56;
  private static final float RIGHT = 556;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public GeneratedBill generate(SplittableRandom random, int index) {
    Draw draw = new Draw(random);
    String customer = draw.digits(3) + " " + draw.digits(3) + " " + draw.digits(3);
    String meter = "1ESY" + draw.digits(10);
    LocalDate start = draw.periodStart().withDayOfMonth(1);
    LocalDate end = start.plusMonths(1).minusDays(1);
    LocalDate statement = end.plusDays(draw.between(3, 10));
    LocalDate due = statement.plusDays(14);
    BigDecimal previousRead = draw.decimal(1000, 90000, 1);
    BigDecimal kwh = BigDecimal.valueOf(draw.between(180, 9000));
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    BigDecimal dailyRate = draw.decimal(0.30, 0.65, 4);
    BigDecimal energyRate = draw.decimal(0.22, 0.36, 4);
    BigDecimal networkRate = draw.decimal(0.07, 0.12, 4);
    BigDecimal electricityTax = new BigDecimal("0.02050");
    BigDecimal concessionRate = new BigDecimal("0.0132");

    List<LineItem> lines = new ArrayList<>();
    List<String[]> printed = new ArrayList<>();
    String usage = Printed.european(kwh) + " kWh";
    add(lines, printed, "Grundpreis", days + " Tage x " + Printed.european(dailyRate) + " €/Tag",
        Printed.cents(dailyRate.multiply(BigDecimal.valueOf(days))));
    add(lines, printed, "Arbeitspreis", usage + " x " + Printed.european(energyRate) + " €/kWh",
        Printed.cents(kwh.multiply(energyRate)));
    add(lines, printed, "Netzentgelt", usage + " x " + Printed.european(networkRate) + " €/kWh",
        Printed.cents(kwh.multiply(networkRate)));
    add(lines, printed, "Stromsteuer", usage + " x " + Printed.european(electricityTax) + " €/kWh",
        Printed.cents(kwh.multiply(electricityTax)));
    add(lines, printed, "Konzessionsabgabe", usage + " x " + Printed.european(concessionRate) + " €/kWh",
        Printed.cents(kwh.multiply(concessionRate)));
    if (draw.chance(0.3)) {
      add(lines, printed, "Treuebonus (Gutschrift)", "", draw.decimal(5, 40, 2).negate());
    }
    BigDecimal net = lines.stream().map(LineItem::totalCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal vat = Printed.cents(net.multiply(VAT));
    BigDecimal gross = net.add(vat);

    float dx = draw.jitter(4);
    float dy = draw.jitter(6);
    DateForm dates = DateForm.DAY_FIRST_DOTS;
    Sheet sheet = new Sheet();
    sheet.text(LEFT + dx, 52 + dy, BOLD, 16, "Stadtwerke Nordheim GmbH");
    sheet.text(LEFT + dx, 65 + dy, REGULAR, 8, "Am Wasserwerk 3 - 49123 Nordheim - www.stadtwerke-nordheim.example");
    sheet.right(RIGHT, 52 + dy, BOLD, 14, "Stromrechnung");
    sheet.rule(LEFT, RIGHT, 74 + dy);
    sheet.text(LEFT + dx, 100 + dy, REGULAR, 10, draw.germanCustomer());
    sheet.text(LEFT + dx, 113 + dy, REGULAR, 10, draw.germanStreet());
    sheet.text(LEFT + dx, 126 + dy, REGULAR, 10, draw.germanTown());
    float y = 100 + dy;
    String[][] facts = {
        {"Kundennummer:", customer},
        {"Rechnungsnummer:", "R-" + statement.getYear() + "-" + draw.digits(6)},
        {"Rechnungsdatum:", Printed.date(statement, dates)},
        {"Zählernummer:", meter},
        {"Abrechnungszeitraum:", Printed.date(start, dates) + " - " + Printed.date(end, dates)},
        {"Fällig am:", Printed.date(due, dates)}};
    for (String[] fact : facts) {
      sheet.text(318 + dx, y, BOLD, 9, fact[0]);
      sheet.text(420 + dx, y, REGULAR, 9, fact[1]);
      y += 13;
    }
    y += 22;
    sheet.band(LEFT, RIGHT, y - 11, 15);
    sheet.text(LEFT + 4, y, BOLD, 10, "Ihr Verbrauch");
    y += 18;
    sheet.text(LEFT + 4, y, BOLD, 8, "Zähler");
    sheet.right(260, y, BOLD, 8, "Zählerstand alt");
    sheet.right(370, y, BOLD, 8, "Zählerstand neu");
    sheet.right(RIGHT - 4, y, BOLD, 8, "Verbrauch");
    y += 13;
    sheet.text(LEFT + 4, y, REGULAR, 9, meter);
    sheet.right(260, y, REGULAR, 9, Printed.european(previousRead));
    sheet.right(370, y, REGULAR, 9, Printed.european(previousRead.add(kwh)));
    sheet.right(RIGHT - 4, y, REGULAR, 9, usage);
    y += 30;
    sheet.band(LEFT, RIGHT, y - 11, 15);
    sheet.text(LEFT + 4, y, BOLD, 10, "Rechnungsbetrag");
    y += 18;
    for (String[] row : printed) {
      sheet.text(LEFT + 4, y, REGULAR, 9, row[0]);
      sheet.text(200, y, REGULAR, 9, row[1]);
      sheet.right(RIGHT - 4, y, REGULAR, 9, row[2]);
      y += 13;
    }
    sheet.rule(380, RIGHT, y - 8);
    y += 4;
    sheet.text(LEFT + 4, y, REGULAR, 9, "Nettobetrag");
    sheet.right(RIGHT - 4, y, REGULAR, 9, euro(net));
    y += 13;
    String vatLabel = "Umsatzsteuer 19 % auf " + euro(net);
    lines.add(new LineItem(vatLabel, vat));
    sheet.text(LEFT + 4, y, REGULAR, 9, vatLabel);
    sheet.right(RIGHT - 4, y, REGULAR, 9, euro(vat));
    y += 16;
    sheet.text(LEFT + 4, y, BOLD, 11, "Gesamtbetrag (brutto)");
    sheet.right(RIGHT - 4, y, BOLD, 11, euro(gross));
    y += 28;
    sheet.text(LEFT + 4, y, REGULAR, 9, "Bitte überweisen Sie den Gesamtbetrag bis zum " + Printed.date(due, dates)
        + " auf unser Konto.");
    sheet.text(LEFT + 4, y + 13, REGULAR, 9, "IBAN DE12 2805 0100 0000 " + draw.digits(4) + " 00 - BIC SLZODE22XXX");
    sheet.text(LEFT, 745, REGULAR, 7,
        "Stadtwerke Nordheim GmbH - Amtsgericht Osnabrück HRB 1234 - USt-IdNr. DE123456789");

    BillTruth truth = new BillTruth(ID, "ELECTRICITY", customer, List.of(meter), start, end, statement, due,
        List.of(Usage.of(kwh, "kWh")), List.of(), null, gross, "EUR", lines,
        "Generated. totalCharges = Gesamtbetrag (brutto); Nettobetrag is a subtotal, not a line item.");
    String name = ID + String.format("-%03d", index);
    return new GeneratedBill(name, sheet.pdf(name), truth);
  }

  private static String euro(BigDecimal amount) {
    return Printed.european(amount) + " €";
  }

  private static void add(List<LineItem> lines, List<String[]> printed, String description, String detail,
      BigDecimal amount) {
    lines.add(new LineItem(description, amount));
    printed.add(new String[] {description, detail, euro(amount)});
  }
}
