package io.nectar.parsing.generic;

import io.nectar.parsing.BillText;
import io.nectar.parsing.FileType;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a one-page BillText from monospaced text: each character is 6 points wide and each line 14 points high,
 * so columns typed with spaces keep their positions as a PDF's text layer would give them.
 */
final class Bills {
  private Bills() {}

  static BillText page(String... lines) {
    List<Line> out = new ArrayList<>();
    for (int n = 0; n < lines.length; n++) {
      List<Word> words = new ArrayList<>();
      String s = lines[n];
      int i = 0;
      while (i < s.length()) {
        if (s.charAt(i) == ' ') {
          i++;
          continue;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) != ' ') {
          j++;
        }
        words.add(new Word(s.substring(i, j), i * 6f, 40 + n * 14f, (j - i) * 6f, 10f, 1f));
        i = j;
      }
      if (!words.isEmpty()) {
        out.add(new Line(words));
      }
    }
    return new BillText(FileType.PDF, List.of(new Page(1, out, Page.Origin.TEXT_LAYER, 612, 792)));
  }
}
