package io.nectar.parsing.layouts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A template's regular expression, compiled when the template is read so that a broken one is reported with
 * its file and line. Matching ignores case: OCR and utilities alike change case between bills.
 */
public final class Regex {
  private final Pattern pattern;

  private Regex(Pattern pattern) {
    this.pattern = pattern;
  }

  @JsonCreator
  public static Regex of(String source) {
    return new Regex(Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE));
  }

  public Pattern pattern() {
    return pattern;
  }

  /** Whether the expression has a group of this name (Java 17 cannot ask the pattern itself). */
  public boolean hasGroup(String name) {
    return pattern.pattern().contains("(?<" + name + ">");
  }

  @JsonValue
  @Override
  public String toString() {
    return pattern.pattern();
  }
}
