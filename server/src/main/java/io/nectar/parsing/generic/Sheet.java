package io.nectar.parsing.generic;

import io.nectar.parsing.BillText;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import java.util.ArrayList;
import java.util.List;

/** A bill's rows in reading order, each page's top to bottom, with lookups by position. */
final class Sheet {
  final List<Row> rows;

  private Sheet(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  static Sheet of(BillText text) {
    List<Row> rows = new ArrayList<>();
    for (Page page : text.pages()) {
      for (Line line : page.lines()) {
        Row row = Row.of(rows.size(), page.number(), line);
        if (!row.tokens.isEmpty()) {
          rows.add(row);
        }
      }
    }
    return new Sheet(rows);
  }

  /** All rows' normalised text, one per line, for counting vocabulary. */
  String key() {
    StringBuilder sb = new StringBuilder();
    rows.forEach(r -> sb.append(r.key).append('\n'));
    return sb.toString();
  }

  /** The rows below {@code row} on the same page, within {@code lines} line heights. */
  List<Row> below(Row row, float lines) {
    List<Row> out = new ArrayList<>();
    float limit = row.y() + lines * Math.max(8f, row.height()) * 1.6f;
    for (int i = row.index + 1; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (r.page != row.page || r.y() > limit) {
        break;
      }
      if (r.y() > row.y()) {
        out.add(r);
      }
    }
    return out;
  }
}
