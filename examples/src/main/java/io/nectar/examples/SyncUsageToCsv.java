package io.nectar.examples;

import io.nectar.client.NectarClient;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.UsageData;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes every usage row of a company in a date range to a CSV file, following every page.
 *
 * <pre>
 * NECTAR_URL=http://localhost:8080/v2.2 NECTAR_API_KEY=nk_test_… \
 *   java io.nectar.examples.SyncUsageToCsv COMPANY_ID 2024-01-01 2024-12-31 usage.csv
 * </pre>
 */
public final class SyncUsageToCsv {
  private SyncUsageToCsv() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: SyncUsageToCsv COMPANY_ID FROM TO OUT.csv");
      System.exit(2);
    }
    NectarClient nectar = Env.client();
    DataFilter range = DataFilter.builder().startDate(LocalDate.parse(args[1])).endDate(LocalDate.parse(args[2]))
        .build();

    long rows = 0;
    try (Writer out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
      out.write("id,startDate,endDate,usage,usageUnits,isEstimated\n");
      // autoPaginate fetches the next page only when the loop reaches it, so memory stays flat.
      for (UsageData u : nectar.usage().listByCompany(UUID.fromString(args[0]), range).autoPaginate()) {
        out.write(String.join(",", String.valueOf(u.id()), String.valueOf(u.startDate()),
            String.valueOf(u.endDate()), u.usage() == null ? "" : u.usage().toPlainString(), csv(u.usageUnits()),
            String.valueOf(u.isEstimated())));
        out.write('\n');
        rows++;
      }
    }
    System.err.println(rows + " usage rows written to " + args[3]);
  }

  /** Units such as "Therms (US)" are quoted; a quote inside is doubled, as CSV wants. */
  private static String csv(String value) {
    return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
