package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Fields.Empty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fields as routes read them, from JSON bodies and from form bodies (whose values are all text).
 * Each check ends with {@link Fields#finish()}, the way a route does, and looks at every message.
 */
class FieldsTest {
  private static final String REQUIRED = "This field is required.";
  private static final String NOT_NULL = "This field may not be null.";
  private static final String NOT_BLANK = "This field may not be blank.";
  private static final String NOT_STRING = "Not a valid string.";

  // ---- presence

  @Test
  void hasTellsAnExplicitNullFromAnAbsentField() {
    Fields fields = json("{\"a\": null}");

    assertThat(fields.has("a")).isTrue();
    assertThat(fields.has("b")).isFalse();
    assertNoErrors(fields);
  }

  @Test
  void requireNamesEveryMissingFieldAndAcceptsANull() {
    Fields fields = json("{\"present\": 1, \"explicitNull\": null}");

    assertThat(fields.require("present", "missing", "explicitNull", "alsoMissing")).isSameAs(fields);
    assertErrors(fields, Map.of("missing", List.of(REQUIRED), "alsoMissing", List.of(REQUIRED)));
  }

  @Test
  void aFieldNoReaderDeclaredIsUnknownAndAllProblemsComeTogetherInOrder() {
    Fields fields = json("{\"name\": 5, \"extra\": 1, \"other\": 2, \"count\": \"yes\"}");
    text(fields, "name", 10, Empty.REFUSED);
    fields.bool("count");
    fields.reject("name", "A second problem.");

    assertThatThrownBy(fields::finish).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errors()).containsExactly(
          Map.entry("name", List.of(NOT_STRING, "A second problem.")),
          Map.entry("count", List.of("Must be a valid boolean.")),
          Map.entry("extra", List.of("Unknown field.")),
          Map.entry("other", List.of("Unknown field.")));
    });
  }

  @Test
  void readingAnAbsentFieldDeclaresItWithoutError() {
    Fields fields = json("{}");

    assertThat(text(fields, "a", 10, Empty.REFUSED)).isNull();
    assertThat(fields.exactText("b", 10)).isNull();
    assertThat(email(fields, "c", Empty.REFUSED)).isNull();
    assertThat(fields.bool("d")).isNull();
    assertThat(date(fields, "e", Empty.REFUSED)).isNull();
    assertThat(decimal(fields, "f", 4, 2, null, null, Empty.REFUSED)).isNull();
    assertThat(fields.textList("g", 3, 10)).isNull();
    assertThat(fields.emailList("h", 3)).isNull();
    assertNoErrors(fields);
  }

  // ---- text

  @Test
  void textIsTrimmedAndCountedInCharactersNotUtf16Units() {
    Fields fields = json("{\"a\": \"  abc  \", \"b\": \"😀😀😀\", \"c\": \"abcd\", \"d\": \"😀😀😀😀\"}");

    assertThat(text(fields, "a", 3, Empty.REFUSED)).isEqualTo("abc");
    assertThat(text(fields, "b", 3, Empty.REFUSED)).isEqualTo("😀😀😀");
    assertThat(text(fields, "c", 3, Empty.REFUSED)).isNull();
    assertThat(text(fields, "d", 3, Empty.REFUSED)).isNull();
    String tooLong = "Ensure this field has no more than 3 characters.";
    assertErrors(fields, Map.of("c", List.of(tooLong), "d", List.of(tooLong)));
  }

  @Test
  void textThatIsNotAStringOrCarriesANulIsRefused() {
    Fields fields = json("{\"n\": 5, \"b\": true, \"o\": {}, \"l\": [\"x\"], \"z\": \"a\\u0000b\", \"s\": \"\\ud800\"}");

    for (String name : List.of("n", "b", "o", "l", "z", "s")) {
      assertThat(text(fields, name, 10, Empty.ALLOWED)).as(name).isNull();
    }
    assertErrors(fields, Map.of("n", List.of(NOT_STRING), "b", List.of(NOT_STRING), "o", List.of(NOT_STRING),
        "l", List.of(NOT_STRING), "z", List.of("Null characters are not allowed."),
        "s", List.of("Invalid Unicode: the text contains an unpaired surrogate.")));
  }

  @Test
  void aRequiredTextMayNeitherBeNullNorBlank() {
    Fields fields = json("{\"a\": null, \"b\": \"\", \"c\": \"   \"}");

    assertThat(text(fields, "a", 10, Empty.REFUSED)).isNull();
    assertThat(text(fields, "b", 10, Empty.REFUSED)).isNull();
    assertThat(text(fields, "c", 10, Empty.REFUSED)).isNull();
    assertErrors(fields, Map.of("a", List.of(NOT_NULL), "b", List.of(NOT_BLANK), "c", List.of(NOT_BLANK)));
  }

  @Test
  void anOptionalTextIsClearedByNullInJsonAndByAnEmptyValueInAForm() {
    Fields json = json("{\"a\": null, \"b\": \"\", \"c\": \"  \"}");
    Fields form = form(Map.of("a", "", "c", "  "));

    assertThat(text(json, "a", 10, Empty.ALLOWED)).isNull();
    assertThat(text(json, "b", 10, Empty.ALLOWED)).isEmpty();
    assertThat(text(json, "c", 10, Empty.ALLOWED)).isEmpty();
    assertThat(text(form, "a", 10, Empty.ALLOWED)).isNull();
    assertThat(text(form, "c", 10, Empty.ALLOWED)).isEmpty();
    assertNoErrors(json);
    assertNoErrors(form);
  }

  @Test
  void anEmptyFormValueIsBlankWhereTheFieldIsRequired() {
    Fields form = form(Map.of("a", ""));

    assertThat(text(form, "a", 10, Empty.REFUSED)).isNull();
    assertErrors(form, Map.of("a", List.of(NOT_BLANK)));
  }

  @Test
  void exactTextKeepsItsSpacesAndCountsThem() {
    Fields fields = json("{\"p\": \" pass word \", \"q\": \"abc\", \"r\": \"abc \", \"s\": \"  \", \"t\": null,"
        + " \"u\": 7, \"v\": \"abcd\"}");

    assertThat(fields.exactText("p", 20)).isEqualTo(" pass word ");
    assertThat(fields.exactText("q", 3)).isEqualTo("abc");
    assertThat(fields.exactText("r", 3)).isNull();
    assertThat(fields.exactText("s", 3)).isNull();
    assertThat(fields.exactText("t", 3)).isNull();
    assertThat(fields.exactText("u", 3)).isNull();
    assertThat(fields.exactText("v", 3)).isNull();
    String tooLong = "Ensure this field has no more than 3 characters.";
    assertErrors(fields, Map.of("r", List.of(tooLong), "s", List.of(NOT_BLANK), "t", List.of(NOT_NULL),
        "u", List.of(NOT_STRING), "v", List.of(tooLong)));
  }

  // ---- e-mail

  @Test
  void anEmailIsTrimmedAndNeedsADottedDomain() {
    Fields fields = json("{\"a\": \"  ada@example.com \", \"b\": \"ada@localhost\", \"c\": \"not an email\","
        + " \"d\": \"o'brien+tag@mail.example.co.uk\", \"e\": \"@example.com\", \"f\": \"ada@-example.com\"}");

    assertThat(email(fields, "a", Empty.REFUSED)).isEqualTo("ada@example.com");
    assertThat(email(fields, "b", Empty.REFUSED)).isNull();
    assertThat(email(fields, "c", Empty.REFUSED)).isNull();
    assertThat(email(fields, "d", Empty.REFUSED)).isEqualTo("o'brien+tag@mail.example.co.uk");
    assertThat(email(fields, "e", Empty.REFUSED)).isNull();
    assertThat(email(fields, "f", Empty.REFUSED)).isNull();
    String invalid = "Enter a valid email address.";
    assertErrors(fields, Map.of("b", List.of(invalid), "c", List.of(invalid), "e", List.of(invalid),
        "f", List.of(invalid)));
  }

  @Test
  void anOptionalEmailMayBeNullButNeverBlank() {
    Fields fields = json("{\"a\": null, \"b\": \"\", \"c\": 3}");

    assertThat(email(fields, "a", Empty.ALLOWED)).isNull();
    assertThat(email(fields, "b", Empty.ALLOWED)).isNull();
    assertThat(email(fields, "c", Empty.ALLOWED)).isNull();
    assertErrors(fields, Map.of("b", List.of(NOT_BLANK), "c", List.of(NOT_STRING)));
    Fields required = json("{\"a\": null}");
    assertThat(email(required, "a", Empty.REFUSED)).isNull();
    assertErrors(required, Map.of("a", List.of(NOT_NULL)));
  }

  // ---- booleans

  @Test
  void aJsonBooleanMustBeAJsonBoolean() {
    Fields fields = json("{\"t\": true, \"f\": false, \"s\": \"true\", \"n\": 1, \"z\": null}");

    assertThat(fields.bool("t")).isTrue();
    assertThat(fields.bool("f")).isFalse();
    assertThat(fields.bool("s")).isNull();
    assertThat(fields.bool("n")).isNull();
    assertThat(fields.bool("z")).isNull();
    String invalid = "Must be a valid boolean.";
    assertErrors(fields, Map.of("s", List.of(invalid), "n", List.of(invalid), "z", List.of(NOT_NULL)));
  }

  @ParameterizedTest
  @CsvSource({"true, true", "1, true", "yes, true", "on, true", "' TRUE ', true", "On, true",
      "false, false", "0, false", "no, false", "off, false", "' False', false", "NO, false"})
  void aFormBooleanIsOneOfDjangosWords(String raw, boolean expected) {
    Fields form = form(Map.of("b", raw));

    assertThat(form.bool("b")).isEqualTo(expected);
    assertNoErrors(form);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "maybe", "2", "truee", "y"})
  void anyOtherFormWordIsNotABoolean(String raw) {
    Fields form = form(Map.of("b", raw));

    assertThat(form.bool("b")).isNull();
    assertErrors(form, Map.of("b", List.of("Must be a valid boolean.")));
  }

  // ---- dates

  @Test
  void aDateIsYearMonthDayAndARealDay() {
    Fields fields = json("{\"a\": \"2025-01-31\", \"b\": \" 2024-02-29 \", \"c\": \"2025-02-29\","
        + " \"d\": \"2025-1-31\", \"e\": \"2025-01-31T00:00:00Z\", \"f\": 20250131, \"g\": \"+2025-01-31\"}");

    assertThat(date(fields, "a", Empty.REFUSED)).isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(date(fields, "b", Empty.REFUSED)).isEqualTo(LocalDate.of(2024, 2, 29));
    for (String name : List.of("c", "d", "e", "f", "g")) {
      assertThat(date(fields, name, Empty.REFUSED)).as(name).isNull();
    }
    String invalid = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
    assertErrors(fields, Map.of("c", List.of(invalid), "d", List.of(invalid), "e", List.of(invalid),
        "f", List.of(invalid), "g", List.of(invalid)));
  }

  @Test
  void anOptionalDateIsClearedByNullAndARequiredOneIsNot() {
    Fields fields = json("{\"a\": null, \"b\": null}");

    assertThat(date(fields, "a", Empty.ALLOWED)).isNull();
    assertThat(date(fields, "b", Empty.REFUSED)).isNull();
    assertErrors(fields, Map.of("b", List.of(NOT_NULL)));
    Fields form = form(Map.of("a", ""));
    assertThat(date(form, "a", Empty.ALLOWED)).isNull();
    assertNoErrors(form);
  }

  // ---- decimals

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "12.5          | 12.5",
      "\"12.5\"      | 12.5",
      "\" 12.50 \"   | 12.50",
      "\"-3\"        | -3",
      "\".5\"        | 0.5",
      "\"7.\"        | 7",
      "0             | 0",
      "\"9999.99\"   | 9999.99",
      "-9999.99      | -9999.99",
      "0.05          | 0.05",
      "1E+3          | 1000",
      "1.5E+1        | 15"})
  void aDecimalIsAJsonNumberOrAStringOfDigits(String raw, String expected) {
    Fields fields = json("{\"d\": " + raw + "}");

    BigDecimal value = decimal(fields, "d", 4, 2, null, null, Empty.REFUSED);

    assertThat(value).isNotNull();
    assertThat(value.toString()).isEqualTo(expected);
    assertNoErrors(fields);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "\"\"          | A valid number is required.",
      "\"-\"         | A valid number is required.",
      "\".\"         | A valid number is required.",
      "\"1e3\"       | A valid number is required.",
      "\"1,5\"       | A valid number is required.",
      "\"+1\"        | A valid number is required.",
      "true          | A valid number is required.",
      "[1]           | A valid number is required.",
      "\"10000\"     | Ensure that there are no more than 4 digits before the decimal point.",
      "-10000.5      | Ensure that there are no more than 4 digits before the decimal point.",
      "1E+4          | Ensure that there are no more than 4 digits before the decimal point.",
      "1e999999999   | Ensure that there are no more than 4 digits before the decimal point.",
      "\"1.234\"     | Ensure that there are no more than 2 decimal places.",
      "0.001         | Ensure that there are no more than 2 decimal places."})
  void anythingElseIsRefusedWithTheRuleItBreaks(String raw, String message) {
    Fields fields = json("{\"d\": " + raw + "}");

    assertThat(decimal(fields, "d", 4, 2, null, null, Empty.REFUSED)).isNull();
    assertErrors(fields, Map.of("d", List.of(message)));
  }

  @Test
  void aSmallFractionHasNoDigitsBeforeThePoint() {
    // 0.05 has precision 1 and scale 2: no whole digit, so a field of one whole digit takes it.
    Fields fields = json("{\"d\": \"0.05\", \"e\": \"-0.5\"}");

    assertThat(decimal(fields, "d", 1, 2, null, null, Empty.REFUSED)).isEqualByComparingTo("0.05");
    assertThat(decimal(fields, "e", 0, 1, null, null, Empty.REFUSED)).isEqualByComparingTo("-0.5");
    assertNoErrors(fields);
  }

  @Test
  void theBoundsAreInclusive() {
    BigDecimal min = new BigDecimal("0");
    BigDecimal max = new BigDecimal("100");
    Fields fields = json("{\"a\": \"0\", \"b\": \"100\", \"c\": \"-0.01\", \"d\": \"100.01\", \"e\": \"50\"}");

    assertThat(decimal(fields, "a", 4, 2, min, max, Empty.REFUSED)).isEqualByComparingTo("0");
    assertThat(decimal(fields, "b", 4, 2, min, max, Empty.REFUSED)).isEqualByComparingTo("100");
    assertThat(decimal(fields, "c", 4, 2, min, max, Empty.REFUSED)).isNull();
    assertThat(decimal(fields, "d", 4, 2, min, max, Empty.REFUSED)).isNull();
    assertThat(decimal(fields, "e", 4, 2, min, null, Empty.REFUSED)).isEqualByComparingTo("50");
    assertErrors(fields, Map.of("c", List.of("Ensure this value is greater than or equal to 0."),
        "d", List.of("Ensure this value is less than or equal to 100.")));
  }

  @Test
  void theBoundsAreNamedAsPlainNumbers() {
    Fields fields = json("{\"a\": \"-1\", \"b\": \"2000\"}");

    decimal(fields, "a", 4, 2, new BigDecimal("1E-2"), null, Empty.REFUSED);
    decimal(fields, "b", 4, 2, null, new BigDecimal("1E+3"), Empty.REFUSED);
    assertErrors(fields, Map.of("a", List.of("Ensure this value is greater than or equal to 0.01."),
        "b", List.of("Ensure this value is less than or equal to 1000.")));
  }

  @Test
  void anOptionalDecimalIsClearedByNullOrAnEmptyFormValue() {
    Fields json = json("{\"a\": null, \"b\": null}");
    assertThat(decimal(json, "a", 4, 2, null, null, Empty.ALLOWED)).isNull();
    assertThat(decimal(json, "b", 4, 2, null, null, Empty.REFUSED)).isNull();
    assertErrors(json, Map.of("b", List.of(NOT_NULL)));

    Fields form = form(Map.of("a", "", "b", "12.5"));
    assertThat(decimal(form, "a", 4, 2, null, null, Empty.ALLOWED)).isNull();
    assertThat(decimal(form, "b", 4, 2, null, null, Empty.REFUSED)).isEqualByComparingTo("12.5");
    assertNoErrors(form);
  }

  // ---- lists

  @Test
  void aListOfTextIsTrimmedItemByItem() {
    Fields fields = json("{\"a\": [\" x \", \"y\"], \"b\": [], \"c\": [\"1\", \"2\", \"3\"]}");

    assertThat(fields.textList("a", 3, 5)).containsExactly("x", "y");
    assertThat(fields.textList("b", 3, 5)).isEmpty();
    assertThat(fields.textList("c", 3, 5)).containsExactly("1", "2", "3");
    assertNoErrors(fields);
  }

  @Test
  void aListItemBreakingARuleRefusesTheList() {
    Fields fields = json("{\"many\": [\"1\", \"2\", \"3\", \"4\"], \"number\": [\"a\", 2], \"blank\": [\"a\", \" \"],"
        + " \"long\": [\"abcdef\"], \"nul\": [\"a\\u0000\"], \"null\": null}");

    for (String name : List.of("many", "number", "blank", "long", "nul", "null")) {
      assertThat(fields.textList(name, 3, 5)).as(name).isNull();
    }
    assertErrors(fields, Map.of(
        "many", List.of("Ensure this field has no more than 3 elements."),
        "number", List.of("Item 1: Not a valid string."),
        "blank", List.of(NOT_BLANK),
        "long", List.of("Ensure this field has no more than 5 characters."),
        "nul", List.of("Null characters are not allowed."),
        "null", List.of(NOT_NULL)));
  }

  @Test
  void aSingleValueIsAListOfOneInAFormButNotInJson() {
    Fields form = form(Map.of("a", " x "));
    assertThat(form.textList("a", 3, 5)).containsExactly("x");
    assertNoErrors(form);

    Fields fields = json("{\"s\": \"x\", \"i\": 1, \"f\": 1.5, \"b\": true, \"o\": {\"k\": 1}}");
    for (String name : List.of("s", "i", "f", "b", "o")) {
      assertThat(fields.textList(name, 3, 5)).as(name).isNull();
    }
    assertErrors(fields, Map.of(
        "s", List.of("Expected a list of items but got type \"str\"."),
        "i", List.of("Expected a list of items but got type \"int\"."),
        "f", List.of("Expected a list of items but got type \"float\"."),
        "b", List.of("Expected a list of items but got type \"bool\"."),
        "o", List.of("Expected a list of items but got type \"dict\".")));
  }

  @Test
  void aFormSendsAListAsARepeatedField() {
    Fields form = new Fields(new RequestBody(
        (ObjectNode) parse("{\"a\": [\"x\", \"y\"], \"b\": [\"1\", \"2\", \"3\", \"4\"]}"), true));

    assertThat(form.textList("a", 3, 5)).containsExactly("x", "y");
    assertThat(form.textList("b", 3, 5)).isNull();
    assertErrors(form, Map.of("b", List.of("Ensure this field has no more than 3 elements.")));
  }

  @Test
  void aListOfEmailsDropsRepeatsWhateverTheirCaseKeepingTheFirstSpelling() {
    Fields fields = json("{\"a\": [\"Ada@Example.com\", \" bob@example.com\", \"ada@example.COM\"]}");

    assertThat(fields.emailList("a", 5)).containsExactly("Ada@Example.com", "bob@example.com");
    assertNoErrors(fields);
  }

  @Test
  void aListOfEmailsNamesTheFirstThatIsNotOne() {
    Fields fields = json("{\"a\": [\"ada@example.com\", \"bob@localhost\", \"x\"], \"b\": [\"a@b.co\", \"c@d.co\"],"
        + " \"c\": 5}");

    assertThat(fields.emailList("a", 5)).isNull();
    assertThat(fields.emailList("b", 1)).isNull();
    assertThat(fields.emailList("c", 1)).isNull();
    assertErrors(fields, Map.of("a", List.of("Enter a valid email address: \"bob@localhost\"."),
        "b", List.of("Ensure this field has no more than 1 elements."),
        "c", List.of("Expected a list of items but got type \"int\".")));
  }

  // ---- helpers

  /**
   * Whether a field may be emptied, as the two combinations of {@code allowBlank} and {@code nullable}
   * the routes use. When Fields takes its own enum for this (issue 10), these helpers call it directly.
   */
  private static String text(Fields fields, String field, int maxLength, Empty empty) {
    return fields.text(field, maxLength, empty);
  }

  private static String email(Fields fields, String field, Empty empty) {
    return fields.email(field, empty);
  }

  private static LocalDate date(Fields fields, String field, Empty empty) {
    return fields.date(field, empty);
  }

  private static BigDecimal decimal(Fields fields, String field, int whole, int fraction, BigDecimal min,
      BigDecimal max, Empty empty) {
    return fields.decimal(field, whole, fraction, min, max, empty);
  }

  private static Fields json(String body) {
    return new Fields(new RequestBody((ObjectNode) parse(body), false));
  }

  /** A form body: every value text, as the form and multipart parsers hand them over. */
  private static Fields form(Map<String, String> values) {
    ObjectNode fields = Json.object();
    values.forEach(fields::put);
    return new Fields(new RequestBody(fields, true));
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertNoErrors(Fields fields) {
    assertThatCode(fields::finish).doesNotThrowAnyException();
  }

  private static void assertErrors(Fields fields, Map<String, List<String>> errors) {
    assertThatThrownBy(fields::finish).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errors()).isEqualTo(errors);
    });
  }
}
