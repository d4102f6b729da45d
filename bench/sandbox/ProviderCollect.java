import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.ProviderBill;
import io.nectar.providers.sandbox.SandboxProvider;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The sandbox provider on its own, without server or database, for bench/sandbox-collection.sh:
 * how long collect() takes for 3 sites x every utility type x N months, how many bills and hourly
 * intervals it makes, and how large its PDFs are (what each month of history costs on disk). The
 * first run pays for loading PDFBox and a cold JIT; the later ones show the steady state.
 * Run: java -cp server/target/nectar-server.jar bench/sandbox/ProviderCollect.java [months] [runs]
 */
public class ProviderCollect {
  public static void main(String[] args) {
    int months = args.length > 0 ? Integer.parseInt(args[0]) : 24;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate start = today.withDayOfMonth(1).minusMonths(months);
    List<UUID> sites = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    SandboxProvider sandbox = new SandboxProvider();
    for (int run = 1; run <= runs; run++) {
      CollectionRequest request = new CollectionRequest(UUID.randomUUID(), "nectar-sandbox-username",
          "nectar-sandbox-password", "US", sites, Set.of(), start, today, 0);
      long started = System.nanoTime();
      Collection collection = sandbox.collect(request);
      long millis = (System.nanoTime() - started) / 1_000_000;
      List<ProviderBill> bills = collection.bills();
      long pdfBytes = bills.stream().mapToLong(bill -> bill.pdf().length).sum();
      System.out.printf("provider run %d: 3 sites x every type x %d months = %d bills and %d intervals in %d ms; "
              + "PDFs %d bytes in all, %d on average, %d at most; %d processors%n", run, months, bills.size(),
          collection.intervals().size(), millis, pdfBytes, pdfBytes / Math.max(1, bills.size()),
          bills.stream().mapToInt(bill -> bill.pdf().length).max().orElse(0),
          Runtime.getRuntime().availableProcessors());
    }
  }
}
