package io.nectar.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of a {@link RequestBody} and collects every problem, field by field, in
 * the messages Django REST Framework uses, so a client sees all its mistakes at once. Reading a
 * field declares it; {@link #finish()} rejects any field that was never declared.
 *
 * <p>Each reader returns {@code null} when the field is absent or invalid; {@link #has} tells absent
 * from an explicit {@code null}, which PATCH needs.
 */
public final class Fields {
  private static final Pattern EMAIL = Pattern.compile(
      "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private final ObjectNode fields;
  private final boolean textual;
  private final Set<String> declared = new LinkedHashSet<>();
  private final Map<String, List<String>> errors = new LinkedHashMap<>();
  /** For the fields of a nested object ({@link #object}): where its problems go, under "name.field". */
  private final Fields parent;
  private final String prefix;

  public Fields(RequestBody body) {
    this.fields = body.fields();
    this.textual = body.textual();
    this.parent = null;
    this.prefix = "";
  }

  private Fields(ObjectNode fields, Fields parent, String prefix) {
    this.fields = fields;
    this.textual = false;
    this.parent = parent;
    this.prefix = prefix;
  }

  /**
   * A JSON object field, to read field by field like the body itself; null when absent or null. Its
   * problems are reported with the body's, named {@code field.inner} (e.g. {@code prefill.country});
   * call {@link #finish()} on it (for its unknown fields) before finishing the body.
   */
  public Fields object(String field) {
    JsonNode node = node(field, true);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      return error(field, "Expected a dictionary of items but got type \"" + typeName(node) + "\".");
    }
    return new Fields((ObjectNode) node, this, field + ".");
  }

  /** True when the body has no fields at all. */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** True when the body names {@code field}, even with a null value. */
  public boolean has(String field) {
    declared.add(field);
    return fields.has(field);
  }

  /** True when the body gives {@code field} as JSON {@code null} (on PATCH: reset it to its default). */
  public boolean isNull(String field) {
    declared.add(field);
    JsonNode node = fields.get(field);
    return node != null && node.isNull();
  }

  /** Records "This field is required." for each of {@code names} the body lacks. */
  public Fields require(String... names) {
    for (String name : names) {
      if (!has(name)) {
        error(name, "This field is required.");
      }
    }
    return this;
  }

  /** What a body is for: a create, which must carry the required fields, or a change of some of them. */
  public enum Purpose { CREATE, CHANGE }

  /**
   * Whether a field may be emptied: sent as JSON {@code null} (and, for free text, as a blank
   * string) to clear it. An e-mail address may be null but never blank.
   */
  public enum Empty { REFUSED, ALLOWED }

  /** Text, trimmed, of at most {@code maxLength} characters. */
  public String text(String field, int maxLength, Empty empty) {
    boolean allowed = empty == Empty.ALLOWED;
    return string(field, maxLength, allowed, allowed);
  }

  /**
   * Text taken exactly as sent, without trimming (passwords may begin or end with a space); blank is
   * refused.
   */
  public String exactText(String field, int maxLength) {
    JsonNode node = node(field, false);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      return error(field, "Not a valid string.");
    }
    String value = node.asText();
    if (checkedText(field, value, maxLength, false) == null) {
      return null;
    }
    return value.codePointCount(0, value.length()) > maxLength
        ? error(field, "Ensure this field has no more than " + maxLength + " characters.") : value;
  }

  /** An e-mail address, trimmed. */
  public String email(String field, Empty empty) {
    String value = string(field, 254, false, empty == Empty.ALLOWED);
    if (value != null && !EMAIL.matcher(value).matches()) {
      return error(field, "Enter a valid email address.");
    }
    return value;
  }

  public Boolean bool(String field) {
    JsonNode node = node(field, false);
    if (node == null) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (textual && node.isTextual()) {
      switch (node.asText().trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "1", "yes", "on" -> {
          return true;
        }
        case "false", "0", "no", "off" -> {
          return false;
        }
        default -> { }
      }
    }
    return error(field, "Must be a valid boolean.");
  }

  public LocalDate date(String field, Empty empty) {
    JsonNode node = node(field, empty == Empty.ALLOWED);
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String raw = node.asText().trim();
      if (raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
        try {
          return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
          // falls through to the error below
        }
      }
    }
    return error(field, "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
  }

  /**
   * A decimal given as a JSON string or number, with at most {@code wholeDigits} digits before the
   * point and {@code fractionDigits} after it, between {@code min} and {@code max} when given.
   */
  public BigDecimal decimal(String field, int wholeDigits, int fractionDigits, BigDecimal min, BigDecimal max,
      Empty empty) {
    JsonNode node = node(field, empty == Empty.ALLOWED);
    if (node == null) {
      return null;
    }
    BigDecimal value;
    if (node.isNumber()) {
      value = node.decimalValue();
    } else if (node.isTextual() && node.asText().trim().matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      value = new BigDecimal(node.asText().trim());
    } else {
      return error(field, "A valid number is required.");
    }
    // Digits are checked before any rescaling: "1e999999999" must be refused, not expanded.
    if (value.precision() - value.scale() > wholeDigits) {
      return error(field, "Ensure that there are no more than " + wholeDigits + " digits before the decimal point.");
    }
    if (value.scale() > fractionDigits) {
      return error(field, "Ensure that there are no more than " + fractionDigits + " decimal places.");
    }
    value = value.scale() < 0 ? value.setScale(0) : value;
    if (min != null && value.compareTo(min) < 0) {
      return error(field, "Ensure this value is greater than or equal to " + min.toPlainString() + ".");
    }
    if (max != null && value.compareTo(max) > 0) {
      return error(field, "Ensure this value is less than or equal to " + max.toPlainString() + ".");
    }
    return value;
  }

  /**
   * A whole number from {@code min} to {@code max}: a JSON number without a fractional part ({@code 60},
   * {@code 60.0} and {@code 6e1} alike, as JSON Schema's {@code integer}), or in form bodies a string of
   * digits.
   */
  public Long integer(String field, long min, long max, Empty empty) {
    JsonNode node = node(field, empty == Empty.ALLOWED);
    if (node == null) {
      return null;
    }
    BigDecimal value;
    if (node.isNumber()) {
      value = node.decimalValue();
    } else if (textual && node.isTextual() && node.asText().trim().matches("-?\\d{1,30}")) {
      value = new BigDecimal(node.asText().trim());
    } else {
      return error(field, "A valid integer is required.");
    }
    // Compared before any conversion: "1e999999999" must be refused, not expanded.
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      return error(field, "A valid integer is required.");
    }
    if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
      return error(field, "Ensure this value is greater than or equal to " + min + ".");
    }
    if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
      return error(field, "Ensure this value is less than or equal to " + max + ".");
    }
    return value.longValue();
  }

  /** A list of strings; in form bodies a single value counts as a list of one. */
  public List<String> textList(String field, int maxItems, int maxItemLength) {
    JsonNode node = node(field, false);
    if (node == null) {
      return null;
    }
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else if (textual && node.isTextual()) {
      items.add(node);
    } else {
      return error(field, "Expected a list of items but got type \"" + typeName(node) + "\".");
    }
    if (items.size() > maxItems) {
      return error(field, "Ensure this field has no more than " + maxItems + " elements.");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isTextual()) {
        return error(field, "Item " + i + ": Not a valid string.");
      }
      String value = checkedText(field, item.asText(), maxItemLength, false);
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  /** A list of e-mail addresses, trimmed and without duplicates (compared case-insensitively). */
  public List<String> emailList(String field, int maxItems) {
    List<String> values = textList(field, maxItems, 254);
    if (values == null) {
      return null;
    }
    Map<String, String> unique = new LinkedHashMap<>();
    for (String value : values) {
      if (!EMAIL.matcher(value).matches()) {
        return error(field, "Enter a valid email address: \"" + value + "\".");
      }
      unique.putIfAbsent(value.toLowerCase(java.util.Locale.ROOT), value);
    }
    return List.copyOf(unique.values());
  }

  /** Records a problem found by a rule beyond the field's type, e.g. a list item that is not a UUID. */
  public void reject(String field, String message) {
    error(field, message);
  }

  /**
   * Throws a 400 listing every problem, including fields no reader declared. On a nested object
   * ({@link #object}) it only adds its unknown fields to the body's problems.
   */
  public void finish() {
    for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!declared.contains(name)) {
        error(name, "Unknown field.");
      }
    }
    if (parent != null) {
      return;
    }
    if (!errors.isEmpty()) {
      throw ApiError.invalid(errors);
    }
  }

  /** A JSON string, trimmed and checked; null (with the error noted) when it is not one. */
  private String string(String field, int maxLength, boolean allowBlank, boolean nullable) {
    JsonNode node = node(field, nullable);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      return error(field, "Not a valid string.");
    }
    return checkedText(field, node.asText(), maxLength, allowBlank);
  }

  private JsonNode node(String field, boolean nullable) {
    declared.add(field);
    JsonNode node = fields.get(field);
    if (node == null) {
      return null;
    }
    if (node.isNull() || (textual && nullable && node.isTextual() && node.asText().isEmpty())) {
      if (!nullable) {
        error(field, "This field may not be null.");
      }
      return null;
    }
    return node;
  }

  private String checkedText(String field, String value, int maxLength, boolean allowBlank) {
    var refusal = Text.refusal(value);
    if (refusal.isPresent()) {
      return error(field, refusal.get());
    }
    String trimmed = value.trim();
    if (!allowBlank && trimmed.isEmpty()) {
      return error(field, "This field may not be blank.");
    }
    if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
      return error(field, "Ensure this field has no more than " + maxLength + " characters.");
    }
    return trimmed;
  }

  private <T> T error(String field, String message) {
    if (parent != null) {
      return parent.error(prefix + field, message);
    }
    errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    return null;
  }

  private static String typeName(JsonNode node) {
    if (node.isTextual()) {
      return "str";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    if (node.isIntegralNumber()) {
      return "int";
    }
    if (node.isNumber()) {
      return "float";
    }
    return node.isObject() ? "dict" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
