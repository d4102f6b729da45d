package io.nectar.parsing.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.parsing.BillFile;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.FileType;
import io.nectar.parsing.ParseLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stand-in OCR program notes how many others were running when it started; the server-wide
 * limit must hold however many pages a file has and however many threads read them.
 */
class OcrConcurrencyTest {
  @TempDir
  Path temp;

  @Test
  void noMoreOcrProcessesRunAtOnceThanTheServerAllows() throws Exception {
    Path program = countingProgram();
    ParseLimits limits = new ParseLimits(25L << 20, 150, 50_000_000L, Duration.ofMinutes(5), 3);
    // Three reader threads for the pages, one process at a time for the whole server.
    TesseractOcr ocr = new TesseractOcr(program, "eng", 1);

    try (StandardTextReader reader = new StandardTextReader(limits, ocr)) {
      BillText text = reader.read(new BillFile("blank.pdf", blankPdf(4), FileType.PDF),
          Deadline.after(Duration.ofMinutes(2)));
      assertThat(text.pages()).hasSize(4);
    }

    List<String> seen = Files.readAllLines(temp.resolve("seen"));
    assertThat(seen).hasSize(4).allMatch(others -> others.strip().equals("0"));
  }

  @Test
  void pagesOfOneFileAreReadInParallelUpToTheLimit() throws Exception {
    Path program = countingProgram();
    ParseLimits limits = new ParseLimits(25L << 20, 150, 50_000_000L, Duration.ofMinutes(5), 2);
    TesseractOcr ocr = new TesseractOcr(program, "eng", 2);

    try (StandardTextReader reader = new StandardTextReader(limits, ocr)) {
      reader.read(new BillFile("blank.pdf", blankPdf(4), FileType.PDF), Deadline.after(Duration.ofMinutes(2)));
    }

    List<Integer> seen = Files.readAllLines(temp.resolve("seen")).stream().map(s -> Integer.parseInt(s.strip()))
        .toList();
    assertThat(seen).hasSize(4).allMatch(others -> others <= 1).contains(1);
  }

  private Path countingProgram() throws Exception {
    Path running = Files.createDirectory(temp.resolve("running"));
    Path program = temp.resolve("counting-tesseract");
    // Each run marks itself, waits, then counts the others marked: runs started at the same instant
    // (pictures are quick to make now) still see each other, which counting before marking missed.
    Files.writeString(program, "#!/bin/sh\n"
        + "touch " + running + "/$$\n"
        + "sleep 0.5\n"
        + "echo $(( $(ls " + running + " | wc -l) - 1 )) >> " + temp.resolve("seen") + "\n"
        + "sleep 0.5\n"
        + "rm " + running + "/$$\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
    return program;
  }

  /** Pages that are each one picture (blank paper), so each goes to OCR. */
  private static byte[] blankPdf(int pages) throws Exception {
    try (PDDocument document = new PDDocument()) {
      var paper = new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, paper);
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(PDRectangle.A6);
        document.addPage(page);
        try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
          content.drawImage(image, 0, 0, PDRectangle.A6.getWidth(), PDRectangle.A6.getHeight());
        }
      }
      return Fixtures.save(document);
    }
  }
}
