package io.nectar.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: a field with a comma, a double quote, a line break or surrounding spaces
 * is quoted, with its quotes doubled; lines end with CRLF; nothing is ever dropped or rounded.
 */
final class Csv {
  private Csv() {}

  static void writeRow(PrintWriter out, List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    out.print(line);
    out.print("\r\n");
  }

  /** One field, quoted when it must be; null is the empty field. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0 || (!value.isEmpty()
            && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))));
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
