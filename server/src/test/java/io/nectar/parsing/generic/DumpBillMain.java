package io.nectar.parsing.generic;

import io.nectar.parsing.BillText;
import io.nectar.parsing.Deadline;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.normal.DecimalStyle;
import io.nectar.parsing.text.PdfTextReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Development aid: prints what the table finder and detector see on one real bill (DUMP_BILL=name). */
class DumpBillMain {
  @Test
  void dump() throws Exception {
    String name = System.getenv("DUMP_BILL");
    org.junit.jupiter.api.Assumptions.assumeTrue(name != null);
    BillText text = new PdfTextReader(ParseLimits.defaults())
        .read(Files.readAllBytes(Path.of("/work/shared/data/bills/" + name + ".pdf")), Deadline.after(Duration.ofMinutes(1)));
    System.out.println(new GenericDetector().detect(text));
    Sheet sheet = Sheet.of(text);
    DecimalStyle style = DecimalStyle.POINT;
    new LineItemTable(sheet, Vocabulary.standard(), style).entries().forEach(e ->
        System.out.println("ENTRY " + e.total() + " " + e.amount() + " | " + e.description()));
    if (System.getenv("DUMP_ROWS") != null) {
      sheet.rows.forEach(r -> System.out.println("ROW " + r.page + " " + r.y() + " " + r.text()));
    }
  }
}
