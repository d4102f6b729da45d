package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {
  private static final String NUL = "Null characters are not allowed.";
  private static final String UNPAIRED = "Invalid Unicode: the text contains an unpaired surrogate.";

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "plain text", "é", "😀", "a😀", "😀😀b", "x\uD83D\uDE00y", "\uDBFF\uDFFF"})
  void textWithoutNulAndWithEverySurrogatePairedIsAccepted(String value) {
    assertThat(Text.refusal(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\0", "\0abc", "ab\0c", "abc\0"})
  void aNulAnywhereIsRefused(String value) {
    assertThat(Text.refusal(value)).contains(NUL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD83D", "a\uD83D", "\uD83Db", "\uD83D\uD83D", "\uDE00", "a\uDE00", "\uDE00\uD83D",
      "😀\uDE00", "😀\uD83D", "\uD83D😀"})
  void aSurrogateWithoutItsPartnerIsRefused(String value) {
    assertThat(Text.refusal(value)).contains(UNPAIRED);
  }

  @Test
  void aNulIsNamedBeforeAnUnpairedSurrogate() {
    assertThat(Text.refusal("\uD83D\0")).contains(NUL);
  }
}
