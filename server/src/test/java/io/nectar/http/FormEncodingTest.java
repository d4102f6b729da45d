package io.nectar.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormEncodingTest {

  @Test
  void parametersKeepTheirOrderAndARepeatedNameCollectsItsValuesInOrder() {
    assertThat(FormEncoding.decode("b=1&a=2&b=3", UTF_8)).containsExactly(
        Map.entry("b", List.of("1", "3")), Map.entry("a", List.of("2")));
  }

  @Test
  void aNameWithoutValueHasTheEmptyValueAndEmptyPiecesAreSkipped() {
    assertThat(FormEncoding.decode("", UTF_8)).isEmpty();
    assertThat(FormEncoding.decode("&&", UTF_8)).isEmpty();
    assertThat(FormEncoding.decode("a", UTF_8)).containsExactly(Map.entry("a", List.of("")));
    assertThat(FormEncoding.decode("a=", UTF_8)).containsExactly(Map.entry("a", List.of("")));
    assertThat(FormEncoding.decode("=x", UTF_8)).containsExactly(Map.entry("", List.of("x")));
    assertThat(FormEncoding.decode("&a&&b=2&", UTF_8)).containsExactly(
        Map.entry("a", List.of("")), Map.entry("b", List.of("2")));
    // The '=' of a later parameter does not split an earlier one.
    assertThat(FormEncoding.decode("a&b=2", UTF_8)).containsExactly(
        Map.entry("a", List.of("")), Map.entry("b", List.of("2")));
    assertThat(FormEncoding.decode("x&y", UTF_8)).containsExactly(
        Map.entry("x", List.of("")), Map.entry("y", List.of("")));
  }

  @Test
  void onlyTheFirstEqualsSignSplitsNameFromValue() {
    assertThat(FormEncoding.decode("a=b=c&d==", UTF_8)).containsExactly(
        Map.entry("a", List.of("b=c")), Map.entry("d", List.of("=")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "a+b         | 'a b'",
      "a%2Bb       | a+b",
      "%41         | A",
      "%41b%43     | AbC",
      "%7e%7E      | ~~",
      "caf%C3%A9   | café",
      "%E2%82%AC+5 | '€ 5'",
      "%F0%9F%98%80| 😀",
      "x%26y%3Dz   | x&y=z",
      "%25         | %"})
  void plusIsASpaceAndPercentEscapesAreBytesOfTheCharset(String encoded, String decoded) {
    assertThat(FormEncoding.decode("v=" + encoded, UTF_8)).containsExactly(Map.entry("v", List.of(decoded)));
    assertThat(FormEncoding.decode(encoded + "=v", UTF_8)).containsExactly(Map.entry(decoded, List.of("v")));
  }

  @Test
  void theCharsetDecidesWhatTheBytesMean() {
    assertThat(FormEncoding.decode("v=caf%E9", ISO_8859_1)).containsExactly(Map.entry("v", List.of("café")));
    assertThat(FormEncoding.decode("v=caf%C3%A9", ISO_8859_1)).containsExactly(Map.entry("v", List.of("cafÃ©")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=%ZZ        | %ZZ",
      "v=%          | %",
      "v=%4         | %4",
      "v=%4&w=1     | %4",
      "v=%G1        | %G1",
      "v=%1G        | %1G",
      "v=a%4        | %4",
      "v=%%41       | %%4",
      "v=%-1        | %-1"})
  void aBrokenEscapeIsMalformedNamingTheParameterAndTheEscape(String encoded, String escape) {
    assertThatThrownBy(() -> FormEncoding.decode(encoded, UTF_8))
        .isInstanceOfSatisfying(FormEncoding.Malformed.class, e -> {
          assertThat(e).hasMessage("Malformed percent-encoding: \"" + escape
              + "\" is not % followed by two hexadecimal digits.");
          ApiError error = e.asError("query string");
          assertThat(error.status()).isEqualTo(400);
          assertThat(error.errors()).containsExactly(Map.entry("v", List.of(e.getMessage())));
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"v=%FF", "v=%C3", "v=%C3x", "v=%C3%28", "v=%ED%A0%80", "v=a%F0%9F%98"})
  void bytesThatAreNotTextInTheCharsetAreMalformed(String encoded) {
    assertThatThrownBy(() -> FormEncoding.decode(encoded, UTF_8))
        .isInstanceOfSatisfying(FormEncoding.Malformed.class, e -> {
          assertThat(e).hasMessage("Malformed percent-encoding: the bytes are not valid UTF-8.");
          assertThat(e.asError("form body").errors()).containsOnlyKeys("v");
        });
  }

  @Test
  void aBrokenNameCannotBeNamedSoTheWholeIsBlamed() {
    assertThatThrownBy(() -> FormEncoding.decode("ok=1&%ZZ=1", UTF_8))
        .isInstanceOfSatisfying(FormEncoding.Malformed.class, e -> {
          ApiError error = e.asError("query string");
          assertThat(error.status()).isEqualTo(400);
          assertThat(error.detail()).isEqualTo("Malformed query string: " + e.getMessage());
          assertThat(error.errors()).isEmpty();
        });
    assertThatThrownBy(() -> FormEncoding.decode("%FF=1", UTF_8))
        .isInstanceOfSatisfying(FormEncoding.Malformed.class,
            e -> assertThat(e.asError("form body").detail()).isEqualTo("Malformed form body: " + e.getMessage()));
  }

  @Test
  void theCharsetIsTheOneTheContentTypeNamesOrTheDefault() {
    assertThat(FormEncoding.charset(null, UTF_8)).isEqualTo(UTF_8);
    assertThat(FormEncoding.charset("application/x-www-form-urlencoded", ISO_8859_1)).isEqualTo(ISO_8859_1);
    assertThat(FormEncoding.charset("application/x-www-form-urlencoded; charset=ISO-8859-1", UTF_8))
        .isEqualTo(ISO_8859_1);
    assertThat(FormEncoding.charset("text/plain;charset=\"utf-16\"", UTF_8)).isEqualTo(Charset.forName("UTF-16"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain; charset=nope", "text/plain; charset=@@"})
  void aCharsetTheServerDoesNotKnowIsA415(String contentType) {
    assertThatThrownBy(() -> FormEncoding.charset(contentType, UTF_8))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(415);
          assertThat(e.detail()).startsWith("Unsupported charset \"").endsWith("\" in Content-Type \"" + contentType + "\".");
        });
  }
}
