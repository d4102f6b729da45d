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
  private final PdfTextReader reader = new PdfTextReader(ParseLimits.defaults());

  @Test
  void everyRealBillGivesItsAccountNumberInItsTextLayer() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (Path pdf : RealBills.pdfs()) {
      JsonNode truth = json.readTree(pdf.resolveSibling(pdf.getFileName().toString().replace(".pdf", ".json"))
          .toFile());
      BillText text = reader.read(Files.readAllBytes(pdf), Deadline.after(Duration.ofMinutes(1)));

      assertThat(text.pages()).as(pdf.toString()).isNotEmpty().allMatch(p -> p.origin() == Page.Origin.TEXT_LAYER);
      String account = truth.path("accountNumber").asText(null);
      if (account != null) {
        assertThat(text.text()).as(pdf.toString()).contains(account);
      }
    }
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
