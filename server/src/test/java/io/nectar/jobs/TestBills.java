package io.nectar.jobs;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderMeter;
import io.nectar.providers.sandbox.SandboxBillPdf;
import io.nectar.providers.sandbox.SandboxProvider;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Real bills for upload tests: the sandbox provider's own statements (the figures it bills are the
 * truth), a revision of one with other charges, and a letter that is not a bill.
 */
public final class TestBills {
  private TestBills() {}

  /** One sandbox bill with the meter it was rendered for (its service address and meter number). */
  public record SandboxBill(ProviderBill bill, ProviderMeter meter) {
    public byte[] pdf() {
      return bill.pdf();
    }

    String meterNumber() {
      return meter.identifiers().get(0).value();
    }
  }

  /** The sandbox's bill for one utility type; each {@code seed} is another account (another file). */
  public static SandboxBill sandbox(DatasourceType type, long seed) {
    YearMonth month = YearMonth.of(2024, 1).plusMonths(Math.floorMod(seed, 12));
    CollectionRequest request = new CollectionRequest(new UUID(seed, 17), "nectar-sandbox-username",
        "nectar-sandbox-password", "US", List.of(new UUID(seed, 29)), Set.of(type), month.atDay(1),
        month.plusMonths(1).atDay(2), 0, null);
    Collection collected = new SandboxProvider().collect(request);
    ProviderBill bill = collected.bills().get(0);
    ProviderMeter meter = collected.accounts().stream().filter(a -> a.accountNumber().equals(bill.accountNumber()))
        .findFirst().orElseThrow().meters().get(0);
    return new SandboxBill(bill, meter);
  }

  /**
   * The same account and period billed again with {@code extra} more on the first charge (a corrected
   * statement): the line items still add up to the new total.
   */
  static SandboxBill revised(SandboxBill original, BigDecimal extra) {
    ProviderBill b = original.bill();
    List<ProviderLineItem> lines = new ArrayList<>(b.lineItems());
    ProviderLineItem first = lines.get(0);
    lines.set(0, new ProviderLineItem(first.description(), first.quantity(), first.quantityUnits(), first.rate(),
        first.totalCharge().add(extra), first.chargeType(), first.electricityChargeType(),
        first.electricityIsDemand(), first.electricityTimeOfUse(), first.gasChargeType(), first.billingPeriod(),
        first.meterKey()));
    ProviderBill changed = new ProviderBill(b.key(), b.accountNumber(), b.utilityName(), b.startDate(), b.endDate(),
        b.billDate(), b.dueDate(), b.chargesUnits(), b.totalCharges().add(extra), b.taxCharges(), b.usage(),
        List.copyOf(lines), b.demand(), b.fileName(), null);
    ProviderBill rendered = new ProviderBill(changed.key(), changed.accountNumber(), changed.utilityName(),
        changed.startDate(), changed.endDate(), changed.billDate(), changed.dueDate(), changed.chargesUnits(),
        changed.totalCharges(), changed.taxCharges(), changed.usage(), changed.lineItems(), changed.demand(),
        changed.fileName(), SandboxBillPdf.render(changed, original.meter()));
    return new SandboxBill(rendered, original.meter());
  }

  /** A one-page letter in the layout of a text PDF: no utility, no amounts due, no meter. */
  public static byte[] letter(String nonce) {
    return textPdf("Dear Ms Alvarez,", "thank you for visiting our offices last Tuesday.",
        "As discussed, the new opening hours of the library are from nine to five.",
        "We look forward to seeing you at the reading group next month.", "Kind regards,", "Ruth Ellison",
        "Ref " + nonce);
  }

  /** A one-page text PDF of the given lines in Helvetica. */
  static byte[] textPdf(String... lines) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 720);
        for (String line : lines) {
          text.showText(line);
          text.newLineAtOffset(0, -16);
        }
        text.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bill as a scanner would deliver it: its content and the file extension that goes with it. */
  record Scan(byte[] bytes, String extension) {}

  /**
   * The PDF's pages rendered at 200 dpi in grey, with no text layer: a one-page bill as a PNG, a
   * longer one as a PDF of page images (as a scanner feeding several sheets writes it).
   */
  static Scan scanned(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDFRenderer renderer = new PDFRenderer(document);
      if (document.getNumberOfPages() == 1) {
        ImageIO.write(renderer.renderImageWithDPI(0, 200, ImageType.GRAY), "png", out);
        return new Scan(out.toByteArray(), "png");
      }
      try (PDDocument images = new PDDocument()) {
        for (int i = 0; i < document.getNumberOfPages(); i++) {
          BufferedImage picture = renderer.renderImageWithDPI(i, 200, ImageType.GRAY);
          PDPage page = new PDPage(document.getPage(i).getMediaBox());
          images.addPage(page);
          try (PDPageContentStream content = new PDPageContentStream(images, page)) {
            content.drawImage(LosslessFactory.createFromImage(images, picture), 0, 0,
                page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
          }
        }
        images.save(out);
        return new Scan(out.toByteArray(), "pdf");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
