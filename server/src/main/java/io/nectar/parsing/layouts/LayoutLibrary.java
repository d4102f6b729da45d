package io.nectar.parsing.layouts;

import io.nectar.parsing.BillText;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.Layouts;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known layouts: templates shipped with the server plus an operator's folder. A bill belongs to the
 * template whose identifying keywords it carries best; that template then reads it.
 */
public final class LayoutLibrary implements Layouts {
  private final Map<String, Template> templates;

  /** The shipped templates and, when {@code operatorFolder} is not null, the operator's (which win by id). */
  public LayoutLibrary(Path operatorFolder) {
    this(TemplateLoader.load(operatorFolder));
  }

  LayoutLibrary(Map<String, Template> templates) {
    this.templates = Map.copyOf(templates);
  }

  public Collection<Template> templates() {
    return templates.values();
  }

  /** Every layout's keyword score for this text, best first (0 = does not claim it); for {@code ./nectar parse}. */
  public List<Map.Entry<String, Double>> scores(BillText text) {
    Keywords.Source source = text.usedOcr() ? Keywords.Source.SCANNED : Keywords.Source.PRINTED;
    String squashed = Keywords.squash(text.text(), source);
    return templates.values().stream()
        .map(t -> Map.entry(t.id(), Keywords.score(t.identify(), squashed, source)))
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .toList();
  }

  @Override
  public Optional<String> match(BillText text) {
    return scores(text).stream().filter(e -> e.getValue() > 0).findFirst().map(Map.Entry::getKey);
  }

  @Override
  public ExtractedBill extract(String layoutId, BillText text) {
    Template template = templates.get(layoutId);
    if (template == null) {
      throw new IllegalArgumentException("no layout " + layoutId);
    }
    return new TemplateExtractor(template).extract(text);
  }

}
