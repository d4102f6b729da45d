package io.nectar.parsing.generic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words bills use, read from {@code parsing/generic-vocabulary.yaml} so a new language or a utility's
 * wording is a data change. Phrases are compiled once into {@link Phrases}.
 */
public final class Vocabulary {
  static final String RESOURCE = "parsing/generic-vocabulary.yaml";

  /** The labels the extractor looks for; names match the YAML's keys under {@code labels}. */
  public enum Label {
    accountNumber, meterNumber, servicePeriod, statementDate, dueDate, usage, demand, currentCharges, amountDue,
    total, tax, serviceAddress, previousReading, currentReading, multiplier, readingWord, timeOfUse,
    serviceDay
  }

  /** A utility type's words and units. */
  record TypeWords(Phrases words, Phrases units) {}

  private final Map<Label, Phrases> labels = new LinkedHashMap<>();
  private final Phrases notCharges;
  private final Map<String, Phrases> billEvidence = new LinkedHashMap<>();
  private final Phrases notBillEvidence;
  private final Map<String, TypeWords> types = new LinkedHashMap<>();
  private final Phrases dayFirstWords;
  private final Map<String, String> currencies = new LinkedHashMap<>();

  private static final Vocabulary DEFAULT = load();

  /** The vocabulary shipped on the classpath. */
  public static Vocabulary standard() {
    return DEFAULT;
  }

  @SuppressWarnings("unchecked")
  static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new Vocabulary(new ObjectMapper(new YAMLFactory()).readValue(in, Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  Vocabulary(Map<String, Object> yaml) {
    Map<String, Object> l = (Map<String, Object>) yaml.get("labels");
    for (Label label : Label.values()) {
      labels.put(label, Phrases.of(strings(l.get(label.name()))));
    }
    notCharges = Phrases.of(strings(yaml.get("notCharges")));
    ((Map<String, Object>) yaml.get("billEvidence")).forEach((k, v) -> billEvidence.put(k, Phrases.of(strings(v))));
    notBillEvidence = Phrases.of(strings(yaml.get("notBillEvidence")));
    ((Map<String, Object>) yaml.get("types")).forEach((k, v) -> {
      Map<String, Object> t = (Map<String, Object>) v;
      types.put(k, new TypeWords(Phrases.of(strings(t.get("words"))), Phrases.of(strings(t.get("units")))));
    });
    dayFirstWords = Phrases.of(strings(yaml.get("dayFirstWords")));
    ((Map<String, Object>) yaml.get("currencies")).forEach((k, v) -> currencies.put(k, String.valueOf(v)));
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      list.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  Phrases label(Label label) {
    return labels.get(label);
  }

  Phrases notCharges() {
    return notCharges;
  }

  Map<String, Phrases> billEvidence() {
    return billEvidence;
  }

  Phrases notBillEvidence() {
    return notBillEvidence;
  }

  Map<String, TypeWords> types() {
    return types;
  }

  Phrases dayFirstWords() {
    return dayFirstWords;
  }

  /** Printed currency symbols and words to ISO codes, longest first as written in the file. */
  Map<String, String> currencies() {
    return currencies;
  }
}
