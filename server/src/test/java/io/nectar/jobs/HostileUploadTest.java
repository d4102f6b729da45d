package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.meters.DatasourceType;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken files uploaded over HTTP to a server with its standard engine: each is refused
 * at the door (empty, too big) or ends as a TERMINATED job with the reason in words, and after each
 * the server is still ready and still reads a real bill. All files are made here; none is committed.
 */
class HostileUploadTest {
  private static final AtomicLong SEED = new AtomicLong(100);
  static TestServer server;
  static String key;
  static String companyId;

  @BeforeAll
  static void start() {
    server = TestServer.readingBills();
    key = server.tenant("Hostile Org", Environment.SANDBOX).key();
    companyId = new Fixtures(server).company(key, "Hostile Co");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** After every hostile file: the server is ready and a real bill still becomes a document. */
  @AfterEach
  void theServerStillWorks() {
    assertThat(server.get("/readyz", null).status()).isEqualTo(200);
    byte[] bill = TestBills.sandbox(DatasourceType.ELECTRICITY, SEED.incrementAndGet()).pdf();
    JsonNode job = finished(upload("bill.pdf", bill));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
    assertThat(job.at("/files/0/outcome").asText()).isEqualTo("DOCUMENT");
  }

  static Stream<Arguments> hostileFiles() {
    return Stream.of(
        Arguments.of("corrupt PDF", corruptPdf(), "damaged"),
        Arguments.of("encrypted PDF", encryptedPdf(), "password"),
        Arguments.of("151 pages", textPdf(151, Ink.BLACK), "151 pages"),
        Arguments.of("decompression bomb", bombPdf(300L << 20), "decompression bomb"),
        Arguments.of("PNG declaring 20000 x 20000", pngHeader(20_000, 20_000), "20000 x 20000"),
        Arguments.of("PDF with JavaScript", javaScriptPdf(), "JavaScript"),
        Arguments.of("white text", textPdf(1, Ink.WHITE), "invisible"),
        Arguments.of("invisible text", textPdf(1, Ink.INVISIBLE), "invisible"),
        Arguments.of("ZIP named bill.pdf", zipOf(textPdf(1, Ink.BLACK)), "ZIP archive"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void aHostileFileEndsTheJobTerminatedWithItsReason(String what, byte[] content, String reason) {
    JsonNode job = finished(upload("bill.pdf", content));

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("TERMINATED");
    assertThat(job.path("terminationReason").asText()).as(job.toString()).contains(reason);
    assertThat(job.at("/files/0/outcome").asText()).isEqualTo("UNREADABLE");
    assertThat(job.path("parsedDocumentIds")).isEmpty();
  }

  @Test
  void anEmptyFileIsRefusedAtTheDoor() {
    FileParts form = new FileParts().file("document", "bill.pdf", new byte[0]);
    Response response = server.sendBytes("POST", "/v2.2/job/company/" + companyId, key, form.contentType(),
        form.bytes(), Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/errors/document/0").asText()).isEqualTo("The submitted file is empty.");
  }

  /**
   * The request is refused from its declared length, before its 26 MB are sent: the test writes the
   * head only and reads the answer. (Writing the whole body races the early 413: the client may see
   * the connection closed instead of the answer; see the report.)
   */
  @Test
  void aFileOfTwentySixMegabytesIsRefusedAtTheDoor() throws Exception {
    FileParts form = new FileParts().file("document", "bill.pdf", textPdfPadded(26 << 20));
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      String head = "POST /v2.2/job/company/" + companyId + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + key
          + "\r\nContent-Type: " + form.contentType() + "\r\nContent-Length: " + form.bytes().length
          + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 413");
      // The whole form is over the upload route's body limit, so the door refuses it before the file
      // limit's own message ("larger than the limit of 25 MB") can be given.
      assertThat(answer).contains("too large");
    }
  }

  // --- the server

  private static String upload(String fileName, byte[] content) {
    FileParts form = new FileParts().file("document", fileName, content);
    Response created = server.sendBytes("POST", "/v2.2/job/company/" + companyId, key, form.contentType(),
        form.bytes(), Map.of());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private static JsonNode finished(String jobId) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> server.get("/v2.2/job/" + jobId, key).json(),
            job -> !job.path("status").asText().equals("PENDING"));
  }

  // --- the files

  private enum Ink { BLACK, WHITE, INVISIBLE }

  private static final String[] BILL_LINES = {"Riverside Electric Company", "Account Number 4471-2210-9",
      "Service Period 01/01/2024 to 01/31/2024", "Energy 1,250 kWh 162.50", "Total Current Charges $162.50"};

  private static byte[] textPdf(int pages, Ink ink) {
    try (PDDocument document = new PDDocument()) {
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
          if (ink == Ink.WHITE) {
            content.setNonStrokingColor(Color.WHITE);
          } else if (ink == Ink.INVISIBLE) {
            content.setRenderingMode(RenderingMode.NEITHER);
          }
          content.newLineAtOffset(72, 700);
          for (String line : BILL_LINES) {
            content.showText(line);
            content.newLineAtOffset(0, -16);
          }
          content.endText();
        }
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A real PDF made {@code size} bytes long by random bytes in a stream nobody reads. */
  private static byte[] textPdfPadded(int size) {
    byte[] pdf = textPdf(1, Ink.BLACK);
    byte[] padded = new byte[size];
    System.arraycopy(pdf, 0, padded, 0, pdf.length);
    byte[] noise = new byte[size - pdf.length];
    new Random(26).nextBytes(noise);
    System.arraycopy(noise, 0, padded, pdf.length, noise.length);
    return padded;
  }

  private static byte[] corruptPdf() {
    byte[] garbage = new byte[8192];
    new Random(7).nextBytes(garbage);
    byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] all = new byte[header.length + garbage.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(garbage, 0, all, header.length, garbage.length);
    return all;
  }

  private static byte[] encryptedPdf() {
    try (PDDocument document = Loader.loadPDF(textPdf(1, Ink.BLACK))) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
          new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] javaScriptPdf() {
    try (PDDocument document = Loader.loadPDF(textPdf(1, Ink.BLACK))) {
      document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-page PDF whose content stream is small compressed and inflates to {@code inflated} bytes. */
  private static byte[] bombPdf(long inflated) {
    try {
      return io.nectar.parsing.text.Fixtures.bombPdf(inflated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG that is only a header declaring its size (no pixels follow). */
  private static byte[] pngHeader(int width, int height) {
    try {
      return io.nectar.parsing.text.Fixtures.pngHeader(width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zipOf(byte[] pdf) {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("bill.pdf"));
      out.write(pdf);
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip.toByteArray();
  }

  private static byte[] save(PDDocument document) throws IOException {
    return io.nectar.parsing.text.Fixtures.save(document);
  }
}
