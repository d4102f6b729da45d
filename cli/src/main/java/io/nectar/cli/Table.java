package io.nectar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;

/**
 * A plain text table, printed a page at a time so that a long list streams: the column widths come
 * from the first page (capped, longer text is cut with an ellipsis) and stay for the pages after it.
 */
final class Table {
  private static final int MAX_WIDTH = 40;

  private final PrintWriter out;
  private final List<Column> columns;
  private int[] widths;

  Table(PrintWriter out, List<Column> columns) {
    this.out = out;
    this.columns = columns;
  }

  void print(List<JsonNode> rows) {
    if (widths == null) {
      widths = new int[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        int width = columns.get(c).header().length();
        for (JsonNode row : rows) {
          width = Math.max(width, columns.get(c).value().apply(row).length());
        }
        widths[c] = Math.min(width, MAX_WIDTH);
      }
      printLine(columns.stream().map(Column::header).toList());
    }
    for (JsonNode row : rows) {
      printLine(columns.stream().map(c -> c.value().apply(row)).toList());
    }
  }

  private void printLine(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c).replace('\n', ' ').replace('\r', ' ');
      if (cell.length() > widths[c]) {
        cell = cell.substring(0, widths[c] - 1) + "…";
      }
      line.append(cell);
      if (c < cells.size() - 1) {
        line.append(" ".repeat(widths[c] - cell.length() + 2));
      }
    }
    out.println(line.toString().stripTrailing());
  }
}
