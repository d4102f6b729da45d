package io.nectar.providers.sandbox;

import static io.nectar.providers.sandbox.PdfWriter.Weight.BOLD;
import static io.nectar.providers.sandbox.PdfWriter.Weight.REGULAR;

import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderDemand;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.ProviderUsage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders a sandbox bill as a one-page PDF laid out like a utility statement. Numbers are printed
 * as plain decimals, exactly as the bill's fields hold them, so that a bill parser reading the PDF
 * back recovers the same figures. The output is byte-stable: the document id derives from the bill
 * key and no timestamps are written.
 */
public final class SandboxBillPdf {
  private static final float LEFT = 50;
  private static final float RIGHT = 562;
  private static final float TOP = 742;
  private static final float FACT_LABEL = 300;
  private static final float FACT_VALUE = 440;
  private static final float QUANTITY_RIGHT = 380;
  private static final float RATE_RIGHT = 470;

  private SandboxBillPdf() {}

  /** The bill as a PDF; {@code meter} supplies the service address and the meter number. */
  public static byte[] render(ProviderBill bill, ProviderMeter meter) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.LETTER);
      document.addPage(page);
      PdfWriter out = new PdfWriter();
      header(out, bill, meter);
      usage(out, bill);
      charges(out, bill);
      out.finish(document, page);
      describe(document, bill);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
      // The page content is already deflated; packing the few remaining objects into object streams
      // would save a few hundred bytes and cost more time than everything else here.
      document.save(bytes, CompressParameters.NO_COMPRESSION);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render sandbox bill " + bill.key(), e);
    }
  }

  private static void header(PdfWriter out, ProviderBill bill, ProviderMeter meter) {
    out.text(LEFT, TOP, BOLD, 18, bill.utilityName());
    out.right(RIGHT, TOP, REGULAR, 8, "SAMPLE BILL - sandbox data, not a real invoice");
    out.text(LEFT, TOP - 18, REGULAR, 10, service(meter) + " statement");
    out.rule(LEFT, RIGHT, TOP - 28);

    float y = TOP - 48;
    out.text(LEFT, y, BOLD, 10, "Service address");
    out.text(LEFT, y - 14, REGULAR, 10, meter.address());
    out.text(LEFT, y - 42, BOLD, 10, "Rate schedule");
    out.text(LEFT, y - 56, REGULAR, 10, bill.usage().get(0).tariff());
    String[][] facts = {
        {"Account number", bill.accountNumber()},
        {meter.identifiers().get(0).rawName(), meter.identifiers().get(0).value()},
        {"Service period", bill.startDate() + " to " + bill.endDate()},
        {"Bill date", bill.billDate().toString()},
        {"Due date", bill.dueDate().toString()}};
    for (String[] fact : facts) {
      out.text(FACT_LABEL, y, BOLD, 10, fact[0]);
      out.text(FACT_VALUE, y, REGULAR, 10, fact[1]);
      y -= 14;
    }
    out.cursor(y - 10);
  }

  private static void usage(PdfWriter out, ProviderBill bill){
    float y = out.cursor();
    out.text(LEFT, y, BOLD, 12, "Usage this period");
    y -= 16;
    for (ProviderUsage usage : bill.usage()) {
      out.text(LEFT, y, REGULAR, 10, "Total usage: " + usage.usage().toPlainString() + " " + usage.usageUnits()
          + (usage.isEstimated() ? " (estimated read)" : ""));
      y -= 14;
      for (ProviderUsage.TimeOfUsePart part : usage.timeOfUse()) {
        out.text(LEFT + 12, y, REGULAR, 10, part.description() + " (" + part.timeOfUse() + "): "
            + part.usage().toPlainString() + " " + part.usageUnits());
        y -= 14;
      }
      if (usage.netMeteringGeneratedKwh() != null) {
        out.text(LEFT + 12, y, REGULAR, 10, "Generated: " + usage.netMeteringGeneratedKwh().toPlainString()
            + " kWh   Imported from grid: " + usage.netMeteringGridImportKwh().toPlainString()
            + " kWh   Exported to grid: " + usage.netMeteringGridExportKwh().toPlainString() + " kWh");
        y -= 14;
      }
    }
    for (ProviderDemand demand : bill.demand()) {
      out.text(LEFT, y, REGULAR, 10, "Billed demand: " + demand.demandUsage().toPlainString() + " "
          + demand.demandUsageUnits() + " - " + demand.description());
      y -= 14;
    }
    out.cursor(y - 10);
  }

  private static void charges(PdfWriter out, ProviderBill bill){
    float y = out.cursor();
    out.text(LEFT, y, BOLD, 12, "Charges");
    y -= 18;
    out.text(LEFT, y, BOLD, 9, "Description");
    out.right(QUANTITY_RIGHT, y, BOLD, 9, "Quantity");
    out.right(RATE_RIGHT, y, BOLD, 9, "Rate");
    out.right(RIGHT, y, BOLD, 9, "Amount (" + bill.chargesUnits() + ")");
    out.rule(LEFT, RIGHT, y - 5);
    y -= 18;
    for (ProviderLineItem line : bill.lineItems()) {
      out.text(LEFT, y, REGULAR, 9, line.description());
      String units = line.quantityUnits() == null ? "" : " " + line.quantityUnits();
      out.right(QUANTITY_RIGHT, y, REGULAR, 9, plain(line.quantity()) + units);
      out.right(RATE_RIGHT, y, REGULAR, 9, plain(line.rate()));
      out.right(RIGHT, y, REGULAR, 9, line.totalCharge().toPlainString());
      y -= 14;
    }
    out.rule(LEFT, RIGHT, y + 6);
    y -= 10;
    out.text(LEFT, y, REGULAR, 10, "Taxes included: " + bill.chargesUnits() + " " + bill.taxCharges().toPlainString());
    out.text(FACT_LABEL, y, BOLD, 12, "Total amount due");
    out.right(RIGHT, y, BOLD, 12, bill.chargesUnits() + " " + bill.totalCharges().toPlainString());
    y -= 16;
    out.text(FACT_LABEL, y, REGULAR, 10, "Please pay by " + bill.dueDate());
    out.text(LEFT, 60, REGULAR, 8, "Generated by the Nectar-compatible sandbox from the same figures as the API's "
        + "document " + bill.key() + ".");
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private static String service(ProviderMeter meter) {
    String type = meter.datasourceType().name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }

  /** Title and a fixed document id: without one, PDFBox would derive it from the clock. */
  private static void describe(PDDocument document, ProviderBill bill) {
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle(bill.utilityName() + " bill " + bill.accountNumber() + " " + bill.startDate() + " to "
        + bill.endDate());
    info.setCreator("Nectar sandbox");
    document.setDocumentInformation(info);
    byte[] id = digest(bill.key() + "|" + bill.totalCharges().toPlainString());
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
