package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartFormTest {
  private static final String BOUNDARY = "----nectar-unit-boundary";
  private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;
  private static final long LIMIT = 1_000_000;
  private static final String MALFORMED =
      "Malformed form body: not valid multipart/form-data (check the boundary and the part headers).";

  @Test
  void textFieldsKeepTheirOrderAndARepeatedNameCollectsItsValues() {
    byte[] body = new Body().field("b", "1").field("a", "two words").field("b", "3").field("empty", "").bytes();

    assertThat(MultipartForm.fields(body, CONTENT_TYPE, LIMIT)).containsExactly(
        Map.entry("b", List.of("1", "3")), Map.entry("a", List.of("two words")), Map.entry("empty", List.of("")));
  }

  @Test
  void aValueIsUtf8UnlessItsPartOrTheFormSaysOtherwise() {
    Body body = new Body()
        .field("plain", "café 😀")
        .part("latin", "Content-Type: text/plain; charset=ISO-8859-1", new byte[] {'c', 'a', 'f', (byte) 0xE9});

    assertThat(MultipartForm.fields(body.bytes(), CONTENT_TYPE, LIMIT)).containsExactly(
        Map.entry("plain", List.of("café 😀")), Map.entry("latin", List.of("café")));
  }

  @Test
  void theFormsCharsetFieldSetsTheDefaultForPartsThatNameNone() {
    // RFC 7578 §4.6: a _charset_ field names the charset of the parts without their own.
    Body body = new Body().field("_charset_", "ISO-8859-1")
        .part("latin", null, new byte[] {'c', 'a', 'f', (byte) 0xE9});

    assertThat(MultipartForm.fields(body.bytes(), CONTENT_TYPE, LIMIT)).containsEntry("latin", List.of("café"));
  }

  @Test
  void aValueThatIsNotTextInItsCharsetIsNamed() {
    Body body = new Body().field("ok", "fine").part("bad", null, new byte[] {'a', (byte) 0xC3, '('});

    assertInvalid(() -> MultipartForm.fields(body.bytes(), CONTENT_TYPE, LIMIT),
        Map.of("bad", List.of("The value is not valid UTF-8 text.")));
  }

  @Test
  void aFileWhereATextValueIsExpectedIsRefusedNotReadAsEmpty() {
    Body body = new Body().field("description", "x")
        .part("eventTypes", "Content-Type: application/octet-stream", "x".getBytes(StandardCharsets.UTF_8), "f.txt");

    assertInvalid(() -> MultipartForm.fields(body.bytes(), CONTENT_TYPE, LIMIT),
        Map.of("eventTypes", List.of("Expected a text value but got a file: send this field without a filename.")));
  }

  @Test
  void aLargeFileIsRefusedAsAFileToo() {
    // Larger than any in-memory threshold Jetty might apply: still the same answer, not a parser failure.
    Body body = new Body().part("eventTypes", null, new byte[200_000], "big.bin");

    assertInvalid(() -> MultipartForm.fields(body.bytes(), CONTENT_TYPE, LIMIT),
        Map.of("eventTypes", List.of("Expected a text value but got a file: send this field without a filename.")));
  }

  @Test
  void onlyTheByteLimitBoundsThePartsAndTheirSize() {
    // The same fields URL-encoded are accepted, so the parser's own 1,000-part cap must not apply, and a
    // long text value is read as text (in memory), not spooled to a file.
    Body many = new Body();
    for (int i = 0; i < 1_500; i++) {
      many.field("accountIds", "a" + i);
    }
    String large = "x".repeat(300_000);

    assertThat(MultipartForm.fields(many.bytes(), CONTENT_TYPE, LIMIT).get("accountIds"))
        .hasSize(1_500).startsWith("a0").endsWith("a1499");
    assertThat(MultipartForm.fields(new Body().field("note", large).bytes(), CONTENT_TYPE, LIMIT))
        .containsExactly(Map.entry("note", List.of(large)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; charset=UTF-8"})
  void aContentTypeWithoutBoundaryIsMalformed(String contentType) {
    byte[] body = new Body().field("a", "1").bytes();

    assertThatThrownBy(() -> MultipartForm.fields(body, contentType, LIMIT))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).isEqualTo(MALFORMED);
        });
  }

  @Test
  void aBodyThatIsNotMultipartIsMalformed() {
    for (byte[] body : List.of("a=1&b=2".getBytes(StandardCharsets.UTF_8), new byte[0],
        ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n").getBytes(StandardCharsets.UTF_8))) {
      assertThatThrownBy(() -> MultipartForm.fields(body, CONTENT_TYPE, LIMIT))
          .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.detail()).isEqualTo(MALFORMED));
    }
  }

  @Test
  void aBodyOverTheByteLimitIsRefusedWhetherInOnePartOrInMany() {
    // RequestBody never hands over more than the limit; the parser keeps to it on its own as well.
    byte[] onePart = new Body().field("a", "x".repeat(2_000)).bytes();
    Body manyParts = new Body();
    for (int i = 0; i < 40; i++) {
      manyParts.field("a" + i, "x".repeat(20));
    }
    byte[] many = manyParts.bytes();

    assertThat(MultipartForm.fields(onePart, CONTENT_TYPE, onePart.length)).containsKey("a");
    assertThat(MultipartForm.fields(many, CONTENT_TYPE, many.length)).hasSize(40);
    assertThatThrownBy(() -> MultipartForm.fields(onePart, CONTENT_TYPE, 1_000)).isInstanceOf(ApiError.class);
    assertThatThrownBy(() -> MultipartForm.fields(many, CONTENT_TYPE, many.length - 100)).isInstanceOf(ApiError.class);
  }

  @Test
  void aPartWithoutANameIsTheFieldWithTheEmptyName() {
    // Named "" rather than dropped, so that Fields reports it as an unknown field instead of ignoring it.
    byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--" + BOUNDARY + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(MultipartForm.fields(body, CONTENT_TYPE, LIMIT)).containsExactly(Map.entry("", List.of("value")));
  }

  private static void assertInvalid(ThrowingCallable call, Map<String, List<String>> errors) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errors()).isEqualTo(errors);
    });
  }

  /** A multipart/form-data body, part by part, with the headers a test chooses. */
  private static final class Body {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Body field(String name, String value) {
      return part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    Body part(String name, String header, byte[] value) {
      return part(name, header, value, null);
    }

    Body part(String name, String header, byte[] value, String fileName) {
      write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
          + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n");
      if (header != null) {
        write(header + "\r\n");
      }
      write("\r\n");
      out.writeBytes(value);
      write("\r\n");
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      whole.writeBytes(out.toByteArray());
      whole.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return whole.toByteArray();
    }

    private void write(String text) {
      out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
