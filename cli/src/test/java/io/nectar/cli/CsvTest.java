package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void plainFieldsAreWrittenAsTheyAre() {
    assertThat(row("abc", "56176.0040", "-12")).isEqualTo("abc,56176.0040,-12\r\n");
  }

  @Test
  void commasQuotesLineBreaksAndOuterSpacesAreQuotedWithQuotesDoubled() {
    assertThat(row("1 Main St, Springfield", "say \"hi\"", "two\nlines", " padded", "cr\r"))
        .isEqualTo("\"1 Main St, Springfield\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\"cr\r\"\r\n");
  }

  @Test
  void nullIsTheEmptyField() {
    assertThat(row("a", null, "")).isEqualTo("a,,\r\n");
  }

  private static String row(String... fields) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    Csv.writeRow(out, Arrays.asList(fields));
    out.flush();
    return text.toString();
  }
}
