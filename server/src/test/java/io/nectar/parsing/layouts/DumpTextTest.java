package io.nectar.parsing.layouts;

import io.nectar.parsing.Deadline;
import io.nectar.parsing.Line;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.text.PdfTextReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Not a check: prints a PDF's lines as the engine sees them, for whoever writes a template ({@code -Ddump=FILE}). */
class DumpTextTest {
  @Test
  void dump() throws Exception {
    String file = System.getProperty("dump");
    Assumptions.assumeTrue(file != null);
    var text = new PdfTextReader(ParseLimits.defaults()).read(Files.readAllBytes(Path.of(file)),
        Deadline.after(Duration.ofMinutes(1)));
    StringBuilder out = new StringBuilder();
    for (var page : text.pages()) {
      out.append("=== page ").append(page.number()).append(' ').append(page.width()).append('x')
          .append(page.height()).append('\n');
      for (Line line : page.lines()) {
        out.append(String.format("%5.0f %5.0f | %s%n", line.y(), line.x(), line.text()));
      }
    }
    Files.writeString(Path.of(file + ".txt").getFileName().toAbsolutePath(), out);
  }
}
