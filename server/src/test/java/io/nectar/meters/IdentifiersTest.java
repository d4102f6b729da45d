package io.nectar.meters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiersTest {

  /** nectar-api.md §1.6: separators removed, leading zeros stripped, upper case. */
  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "013-774-6423        | 137746423",
      "137746423           | 137746423",
      "'0 13_77,46/423'    | 137746423",
      "'0\t13\n77 46\r423' | 137746423",
      "ab-c12              | ABC12",
      "i                   | I",
      "00A0                | A0",
      "0                   | 0",
      "000                 | 0",
      "0-0-0               | 0",
      "00-1                | 1",
      "10                  | 10",
      "''                  | ''",
      "'-_ ,/'             | ''"})
  void identifiersThatDifferOnlyInSeparatorsLeadingZerosOrCaseNormaliseAlike(String raw, String normalised) {
    assertThat(Identifiers.normalize(raw)).isEqualTo(normalised);
  }
}
