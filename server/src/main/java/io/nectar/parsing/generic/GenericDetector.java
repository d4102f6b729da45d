package io.nectar.parsing.generic;

import io.nectar.parsing.BillDetector;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Utility bill or not, from the vocabulary: a bill shows several kinds of evidence (account, meter, usage, period,
 * amount due, service words) and a figure in a utility unit or a utility's name for its service; a letter, a bank
 * statement or a software invoice shows few of them and words of its own. The utility type is the one whose
 * units and words weigh most.
 */
public final class GenericDetector implements BillDetector {
  private static final Pattern NUMBER_UNIT = Pattern.compile("(?<![\\p{L}])\\d[\\d.,]*\\s?([\\p{L}³]{1,8})");

  private final Vocabulary vocabulary;

  public GenericDetector() {
    this(Vocabulary.standard());
  }

  public GenericDetector(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public Detection detect(BillText text) {
    String key = Sheet.of(text).key();
    List<String> kinds = new ArrayList<>();
    for (Map.Entry<String, Phrases> e : vocabulary.billEvidence().entrySet()) {
      if (e.getValue().in(key)) {
        kinds.add(e.getKey());
      }
    }
    List<String> againstWords = vocabulary.notBillEvidence().find(key).stream().map(Phrases.Hit::phrase).distinct()
        .toList();
    int against = againstWords.size();
    String type = null;
    double typeScore = 0;
    boolean unitFigure = false;
    for (Map.Entry<String, Vocabulary.TypeWords> e : vocabulary.types().entrySet()) {
      double score = e.getValue().words().find(key).size();
      int units = unitFigures(key, e.getValue().units());
      unitFigure |= units > 0 && !"FUEL".equals(e.getKey());
      score += 3.0 * units;
      if (score > typeScore) {
        typeScore = score;
        type = e.getKey();
      }
    }
    // Gallons are water's unit as often as fuel's: fuel only with its own words.
    if ("FUEL".equals(type) && vocabulary.types().get("FUEL").words().find(key).isEmpty()) {
      type = "WATER";
    }
    double score = kinds.size() + (unitFigure ? 2 : 0) + Math.min(2, typeScore / 4) - 1.5 * against;
    boolean isBill = score >= 5 && typeScore >= 2 && kinds.size() >= 3;
    double confidence = Math.max(0, Math.min(1, isBill ? 0.5 + score / 20 : 1 - score / 10));
    String evidence = "evidence " + kinds + (unitFigure ? " with figures in utility units" : "")
        + (against > 0 ? ", non-bill words " + againstWords : "") + (type != null ? ", type " + type : "");
    return new Detection(isBill, confidence, isBill ? type : null, evidence);
  }

  /** How many figures are followed by one of the type's units ("4,471 kwh", "45 therms"). */
  private static int unitFigures(String key, Phrases units) {
    int n = 0;
    Matcher m = NUMBER_UNIT.matcher(key);
    while (m.find()) {
      if (units.in(m.group(1))) {
        n++;
      }
    }
    return Math.min(n, 10);
  }
}
