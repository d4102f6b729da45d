package io.nectar.parsing;

import java.util.List;
import java.util.stream.Collectors;

/** Everything readable in a bill file, page by page. */
public record BillText(FileType type, List<Page> pages) {
  public BillText {
    pages = List.copyOf(pages);
  }

  /** All pages' text, pages separated by a form feed. */
  public String text() {
    return pages.stream().map(Page::text).collect(Collectors.joining("\n\f\n"));
  }

  public List<Line> lines() {
    return pages.stream().flatMap(p -> p.lines().stream()).toList();
  }

  public boolean usedOcr() {
    return pages.stream().anyMatch(p -> p.origin() == Page.Origin.OCR);
  }
}
