package io.nectar.parsing.generic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of printed phrases matched whole-word in normalised text (lower case, accents dropped, any spaces or
 * light punctuation between the words), so {@code "METER#"}, {@code "Meter #"} and {@code "meter  #"} are one.
 */
final class Phrases {
  /** One phrase found in a text: where, and how many letters it had (longer labels are more specific). */
  record Hit(int start, int end, String phrase) {}

  private final List<Pattern> patterns = new ArrayList<>();
  private final List<String> phrases = new ArrayList<>();

  private Phrases() {}

  static Phrases of(List<String> list) {
    Phrases p = new Phrases();
    // Longest first: "total current charges" is found before "current charges" at the same place.
    list.stream().map(Phrases::normalise).filter(s -> !s.isBlank()).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).forEach(s -> {
          p.phrases.add(s);
          p.patterns.add(compile(s));
        });
    return p;
  }

  private static Pattern compile(String phrase) {
    StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
    String[] words = phrase.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        re.append("[\\s'’.\\-:/]*");
      }
      re.append(Pattern.quote(words[i]));
    }
    if (Character.isLetterOrDigit(phrase.charAt(phrase.length() - 1))) {
      re.append("(?![\\p{L}])");
    }
    return Pattern.compile(re.toString());
  }

  /** Lower case, accents and ordinal marks folded ({@code Nº} → {@code no}), {@code m³} → {@code m3}. */
  static String normalise(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
  }

  /** Every phrase found in already-normalised text, longest first, without overlaps. */
  List<Hit> find(String normalised) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      Matcher m = patterns.get(i).matcher(normalised);
      while (m.find()) {
        int s = m.start();
        int e = m.end();
        if (hits.stream().noneMatch(h -> h.start() < e && s < h.end())) {
          hits.add(new Hit(s, e, phrases.get(i)));
        }
      }
    }
    hits.sort(Comparator.comparingInt(Hit::start));
    return hits;
  }

  boolean in(String normalised) {
    return patterns.stream().anyMatch(p -> p.matcher(normalised).find());
  }

  boolean isEmpty() {
    return patterns.isEmpty();
  }
}
