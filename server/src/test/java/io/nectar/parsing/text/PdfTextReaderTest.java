package io.nectar.parsing.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.Word;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PdfTextReaderTest {
  /** Stands in for OCR: an empty page, marked as read by OCR. */
  private static final PageOcr EMPTY_OCR = (image, number, width, height, deadline) ->
      java.util.concurrent.CompletableFuture.completedFuture(
          new Page(number, java.util.List.of(), Page.Origin.OCR, width, height));
  private final PdfTextReader reader = new PdfTextReader(ParseLimits.defaults());

  @Test
  void everyRealBillGivesItsAccountNumberFromItsTextLayer() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (Path pdf : RealBills.pdfs()) {
      JsonNode truth = json.readTree(pdf.resolveSibling(pdf.getFileName().toString().replace(".pdf", ".json"))
          .toFile());
      // Only pages that are pictures of text go to OCR (one real bill prints its back page as images).
      BillText text = reader.read(Files.readAllBytes(pdf), Deadline.after(Duration.ofMinutes(1)), EMPTY_OCR);

      assertThat(text.pages()).as(pdf.toString()).isNotEmpty()
          .allMatch(p -> p.origin() == Page.Origin.TEXT_LAYER || p.lines().isEmpty());
      assertThat(text.pages().get(0).origin()).isEqualTo(Page.Origin.TEXT_LAYER);
      String account = truth.path("accountNumber").asText(null);
      if (account != null) {
        assertThat(text.text()).as(pdf.toString()).contains(account);
      }
    }
  }

  @Test
  void theWarmUpPdfIsReadAsAnyTextPdfIs() throws Exception {
    BillText text = reader.read(PdfTextReader.SMALLEST_TEXT_PDF, Deadline.after(Duration.ofMinutes(1)));

    assertThat(text.pages()).singleElement().satisfies(page -> {
      assertThat(page.origin()).isEqualTo(Page.Origin.TEXT_LAYER);
      assertThat(page.lines()).singleElement().extracting(Line::text)
          .isEqualTo("Account 1234567 Total due $10.00");
    });
    PdfTextReader.prepare();
  }

  @Test
  void wordsOfALineAreLeftToRightAndLinesTopToBottom() throws Exception {
    for (Path pdf : RealBills.pdfs()) {
      BillText text = reader.read(Files.readAllBytes(pdf), Deadline.after(Duration.ofMinutes(1)));
      for (Page page : text.pages()) {
        float previousY = -1;
        for (Line line : page.lines()) {
          assertThat(line.y() + line.words().get(0).height()).isGreaterThanOrEqualTo(previousY);
          previousY = line.y() + line.words().get(0).height();
          float previousX = -1;
          for (Word word : line.words()) {
            assertThat(word.x()).isGreaterThanOrEqualTo(previousX);
            assertThat(word.x()).isBetween(-1f, page.width() + 1);
            assertThat(word.y()).isBetween(-1f, page.height() + 1);
            previousX = word.x();
          }
        }
      }
    }
  }
}
