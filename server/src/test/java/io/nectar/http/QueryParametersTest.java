package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {
  private static final String NUL = "Null characters are not allowed.";
  private static final String UNPAIRED = "Invalid Unicode: the text contains an unpaired surrogate.";

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"page=2", "identifier=013-774-6423&startDate=2025-01-01", "a&&b=", "q=caf%C3%A9+%F0%9F%98%80"})
  void aWellFormedQueryPasses(String query) {
    assertThatCode(() -> QueryParameters.check(query)).doesNotThrowAnyException();
  }

  @Test
  void everyParameterCarryingANulIsNamedOnce() {
    assertThat(errors("identifier=a%00b&page=1&identifier=c%00&connectionOwnerEmail=%00"))
        .containsExactly(Map.entry("identifier", List.of(NUL)), Map.entry("connectionOwnerEmail", List.of(NUL)));
  }

  @Test
  void aNulOrAnUnpairedSurrogateInTheNameIsRefusedToo() {
    assertThat(errors("a%00b=1")).containsExactly(Map.entry("a\0b", List.of(NUL)));
    assertThat(errors("a\uD800=1")).containsExactly(Map.entry("a\uD800", List.of(UNPAIRED)));
  }

  @Test
  void eachDistinctProblemOfAParameterIsListed() {
    assertThat(errors("q=%00&q=\uDE00&q=ok&q=%00"))
        .containsExactly(Map.entry("q", List.of(NUL, UNPAIRED)));
    assertThat(errors("q%00=\uDE00")).containsExactly(Map.entry("q\0", List.of(NUL, UNPAIRED)));
  }

  @Test
  void malformedPercentEncodingIsA400NamingTheParameter() {
    assertThatThrownBy(() -> QueryParameters.check("page=1&startDate=%ZZ"))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errors()).containsOnlyKeys("startDate");
        });
    assertThatThrownBy(() -> QueryParameters.check("%ZZ=1"))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).startsWith("Malformed query string: ");
        });
  }

  private static Map<String, List<String>> errors(String query) {
    try {
      QueryParameters.check(query);
    } catch (ApiError e) {
      assertThat(e.status()).isEqualTo(400);
      return e.errors();
    }
    throw new AssertionError("no error for " + query);
  }
}
