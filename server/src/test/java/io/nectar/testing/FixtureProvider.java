package io.nectar.testing;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ConnectionStatus;
import io.nectar.providers.ProviderAccount;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderDemand;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.ProviderUsage;
import io.nectar.providers.UtilityProvider;
import io.nectar.providers.Validation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A utility with a small, fixed, hand-computed history, so that filter tests can name the exact
 * documents and usage rows they expect. Connect to it with a PRODUCTION key (a SANDBOX key may only
 * use the sandbox URL), username {@link #USERNAME}, and two sites: the first site gets meters E1 and
 * W1, the second G1 and E2.
 *
 * <p>The meters:
 * <pre>
 *   E1  ELECTRICITY  site 1  account ACC-E1  METER "013-774-6423"            (normalised 137746423)
 *   W1  WATER        site 1  account ACC-W1  METER "A-1,B"                   (normalised A1B)
 *   G1  GAS          site 2  account ACC-G1  METER "00 12_34/56"             (normalised 123456)
 *   E2  ELECTRICITY  site 2  account ACC-E2  METER "7700-1", ACCOUNT "0042"  (normalised 77001, 42)
 * </pre>
 *
 * <p>The bills (2024), chosen around the range March 1 – March 31 ({@link #RANGE_START},
 * {@link #RANGE_END}); each has one usage row for its meter with the bill's period, except B09:
 * <pre>
 *   bill  meters   period            bill date  by BILL_DATE    by USAGE_PERIOD
 *   B01   E1       01-01 .. 01-31    01-31      out             out
 *   B02   E1       02-01 .. 02-29    02-29      out (day before) out (ends the day before start)
 *   B03   E1       02-15 .. 03-14    03-14      in              in  (straddles the start)
 *   B04   G1       02-01 .. 03-01    03-01      in (on start)   in  (ends on the start)
 *   B05   G1       03-02 .. 03-31    03-31      in (on end)     in
 *   B06   W1       03-20 .. 04-19    04-19      out             in  (straddles the end)
 *   B07   W1       04-01 .. 04-30    04-30      out             out (starts the day after the end)
 *   B08   E2       01-15 .. 05-14    05-14      out             in  (covers the whole range)
 *   B09   E1 + W1  03-01 .. 03-31    03-31      in              in
 *         (usage rows: E1 03-01..03-31 500.000 kWh with PEAK/OFF_PEAK split; W1 02-20..03-19 12.5 cubic m)
 *   B10   G1       06-01 .. 06-30    06-30      out             out   (no PDF)
 *   B11   E2       03-02 .. 04-01    04-01      out (day after) in
 * </pre>
 * Document sites: B01, B02, B03, B06, B07, B09 on site 1; B04, B05, B08, B10, B11 on site 2.
 */
public final class FixtureProvider implements UtilityProvider {
  public static final String ROOT_URL = "https://fixture.example.com";
  public static final String USERNAME = "fixture-user";
  public static final String UTILITY_NAME = "Fixture Power & Gas";
  public static final LocalDate RANGE_START = LocalDate.parse("2024-03-01");
  public static final LocalDate RANGE_END = LocalDate.parse("2024-03-31");

  /** Every bill key, in the order the provider returns them. */
  public static final List<String> BILLS =
      List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B10", "B11");
  /** Every usage row, as {@code bill/meter}, in the order the provider returns them. */
  public static final List<String> USAGE = List.of("B01/E1", "B02/E1", "B03/E1", "B04/G1", "B05/G1", "B06/W1",
      "B07/W1", "B08/E2", "B09/E1", "B09/W1", "B10/G1", "B11/E2");

  /** A meter of the fixture. */
  public record FixtureMeter(String key, int site, DatasourceType type, String account, String address,
      List<ProviderMeter.Identifier> identifiers, Map<String, String> subtypes) {}

  public static final FixtureMeter E1 = new FixtureMeter("E1", 0, DatasourceType.ELECTRICITY, "ACC-E1",
      "1 Volt Street", List.of(new ProviderMeter.Identifier("Meter Number", "013-774-6423", "METER")), Map.of());
  public static final FixtureMeter W1 = new FixtureMeter("W1", 0, DatasourceType.WATER, "ACC-W1",
      "1 Volt Street", List.of(new ProviderMeter.Identifier("Water Meter", "A-1,B", "METER")),
      Map.of("waterType", "POTABLE_WATER"));
  public static final FixtureMeter G1 = new FixtureMeter("G1", 1, DatasourceType.GAS, "ACC-G1",
      "2 Therm Road", List.of(new ProviderMeter.Identifier("Gas Meter", "00 12_34/56", "METER")),
      Map.of("gasType", "NATURAL_GAS"));
  public static final FixtureMeter E2 = new FixtureMeter("E2", 1, DatasourceType.ELECTRICITY, "ACC-E2",
      "2 Therm Road", List.of(new ProviderMeter.Identifier("Meter Number", "7700-1", "METER"),
          new ProviderMeter.Identifier("Account Number", "0042", "ACCOUNT")), Map.of());
  public static final List<FixtureMeter> METERS = List.of(E1, W1, G1, E2);

  /** A bill of the fixture: its dates and which site (0 or 1) its first meter is on. */
  public record FixtureBill(String key, LocalDate start, LocalDate end, LocalDate billDate, int site,
      List<String> meters) {}

  public static final Map<String, FixtureBill> BILL_FACTS = new LinkedHashMap<>();

  static {
    bill("B01", "2024-01-01", "2024-01-31", "2024-01-31", "E1");
    bill("B02", "2024-02-01", "2024-02-29", "2024-02-29", "E1");
    bill("B03", "2024-02-15", "2024-03-14", "2024-03-14", "E1");
    bill("B04", "2024-02-01", "2024-03-01", "2024-03-01", "G1");
    bill("B05", "2024-03-02", "2024-03-31", "2024-03-31", "G1");
    bill("B06", "2024-03-20", "2024-04-19", "2024-04-19", "W1");
    bill("B07", "2024-04-01", "2024-04-30", "2024-04-30", "W1");
    bill("B08", "2024-01-15", "2024-05-14", "2024-05-14", "E2");
    bill("B09", "2024-03-01", "2024-03-31", "2024-03-31", "E1", "W1");
    bill("B10", "2024-06-01", "2024-06-30", "2024-06-30", "G1");
    bill("B11", "2024-03-02", "2024-04-01", "2024-04-01", "E2");
  }

  private static void bill(String key, String start, String end, String billDate, String... meters) {
    int site = meter(meters[0]).site();
    BILL_FACTS.put(key, new FixtureBill(key, LocalDate.parse(start), LocalDate.parse(end), LocalDate.parse(billDate),
        site, List.of(meters)));
  }

  public static FixtureMeter meter(String key) {
    return METERS.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
  }

  /** The meter key ("E1"…) whose first identifier value is {@code value}. */
  public static String meterKeyOfIdentifier(String value) {
    return METERS.stream().filter(m -> m.identifiers().get(0).value().equals(value)).findFirst().orElseThrow().key();
  }

  /** The bill file: a minimal but well-formed PDF naming the bill. */
  public static byte[] pdf(String key) {
    String text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% fixture bill " + key + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String rootUrl() {
    return ROOT_URL;
  }

  @Override
  public String name() {
    return UTILITY_NAME;
  }

  @Override
  public Validation validate(CollectionRequest request) {
    return USERNAME.equals(request.username()) ? Validation.connected()
        : new Validation(ConnectionStatus.INCORRECT_PASSWORD, "Unknown fixture user.");
  }

  @Override
  public Collection collect(CollectionRequest request) {
    List<UUID> sites = request.siteIds();
    List<ProviderAccount> accounts = new ArrayList<>();
    for (FixtureMeter m : METERS) {
      accounts.add(new ProviderAccount(m.account(), List.of(new ProviderMeter(m.key(),
          sites.get(Math.min(m.site(), sites.size() - 1)), m.type(), m.address(), m.identifiers(), m.subtypes()))));
    }
    List<ProviderBill> bills = new ArrayList<>();
    for (FixtureBill b : BILL_FACTS.values()) {
      bills.add(providerBill(b));
    }
    return new Collection(accounts, bills, List.of());
  }

  private static ProviderBill providerBill(FixtureBill b) {
    FixtureMeter first = meter(b.meters().get(0));
    List<ProviderUsage> usage = new ArrayList<>();
    List<ProviderLineItem> lines = new ArrayList<>();
    List<ProviderDemand> demand = new ArrayList<>();
    BigDecimal total;
    BigDecimal tax;
    if (b.key().equals("B09")) {
      usage.add(new ProviderUsage("E1", b.start(), b.end(), new BigDecimal("500.000"), "kWh", false,
          new BigDecimal("10500.0"), new BigDecimal("10000.0"), new BigDecimal("1.00"), "E-1", null, null, null,
          List.of(new ProviderUsage.TimeOfUsePart("PEAK", new BigDecimal("312.5"), "kWh", "Peak"),
              new ProviderUsage.TimeOfUsePart("OFF_PEAK", new BigDecimal("187.5"), "kWh", "Off-peak"))));
      usage.add(new ProviderUsage("W1", LocalDate.parse("2024-02-20"), LocalDate.parse("2024-03-19"),
          new BigDecimal("12.5"), "cubic m", true, null, null, null, null, null, null, null, List.of()));
      lines.add(new ProviderLineItem("Energy charge", new BigDecimal("500.000"), "kWh", new BigDecimal("0.120000"),
          new BigDecimal("60.00"), null, "SUPPLY", false, null, null, "CURRENT", "E1"));
      lines.add(new ProviderLineItem("Water charge", new BigDecimal("12.5"), "cubic m", new BigDecimal("3.20"),
          new BigDecimal("40.00"), null, null, null, null, null, "CURRENT", "W1"));
      lines.add(new ProviderLineItem("Sales tax", null, null, null, new BigDecimal("5.25"), "TAX", null, null, null,
          null, "CURRENT", null));
      demand.add(new ProviderDemand("E1", b.start(), b.end(), false, new BigDecimal("84.2"), "kW", "Peak demand",
          "PEAK"));
      total = new BigDecimal("105.25");
      tax = new BigDecimal("5.25");
    } else {
      int n = Integer.parseInt(b.key().substring(1));
      String units = switch (first.type()) {
        case GAS -> "thm (US)";
        case WATER -> "gal (US)";
        default -> "kWh";
      };
      usage.add(new ProviderUsage(first.key(), b.start(), b.end(), new BigDecimal(n + "00.50"), units, false, null,
          null, null, null, null, null, null, List.of()));
      total = new BigDecimal(n + "0.10");
      tax = new BigDecimal("1.00");
    }
    return new ProviderBill(b.key(), first.account(), UTILITY_NAME, b.start(), b.end(), b.billDate(),
        b.billDate().plusDays(21), "USD", total, tax, usage, lines, demand, b.key() + ".pdf",
        b.key().equals("B10") ? null : pdf(b.key()));
  }
}
