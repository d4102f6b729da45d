package io.nectar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.client.Page;
import io.nectar.client.model.UsageData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export usage}: every usage row of a company, streamed to stdout as CSV or JSON Lines. */
@Command(name = "export", description = "Export data in bulk to stdout.", subcommands = ExportCommand.Usage.class)
final class ExportCommand {
  @Command(name = "usage", description = {
      "Every usage row of a company, one line each with its meter's identifiers and its site, every page followed.",
      "Rows are written as they arrive (memory stays flat however many there are); progress goes to stderr.",
      "Columns: id, meterId, meterIdentifier, meterIdentifiers, siteId, siteName, datasourceType,"
          + " startDate, endDate, usage, usageUnits, isEstimated, documentId, billDate, utilityName, created, updated."})
  static final class Usage extends ApiCommand {
    @Option(names = "--company", required = true, paramLabel = "ID", description = "The company")
    String company;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|jsonl",
        description = "csv (RFC 4180, a header line) or jsonl (one JSON object a line); default ${DEFAULT-VALUE}")
    String format;

    @Mixin
    DataFilterOptions filter;

    @Override
    public Integer call() throws Exception {
      UsageExport.Format fileFormat = switch (format.toLowerCase(java.util.Locale.ROOT)) {
        case "csv" -> UsageExport.Format.CSV;
        case "jsonl", "ndjson" -> UsageExport.Format.JSONL;
        default -> throw new UsageException("--format must be csv or jsonl, not " + format);
      };
      UUID companyId = Ids.parse("--company", company);
      var out = context().out();
      UsageExport export = new UsageExport(out, fileFormat, UsageExport.lazy(() -> meters(companyId), () -> sites(companyId)), json());
      Page<UsageData> first = client().usage().listByCompany(companyId, filter.toFilter());
      export.header();
      long rows = 0;
      try (Progress progress = new Progress(context(), "Exporting", "rows", first.total().orElse(-1))) {
        for (UsageData row : first.autoPaginate()) {
          export.write(tree(row));
          rows++;
          progress.advance(1);
        }
      }
      out.flush();
      context().err().println("Exported " + rows + " usage rows.");
      return ExitCode.OK;
    }

    private List<JsonNode> meters(UUID company) {
      List<JsonNode> meters = new ArrayList<>();
      client().meters().listByCompany(company).autoPaginate().forEach(m -> meters.add(tree(m)));
      return meters;
    }

    private List<JsonNode> sites(UUID company) {
      List<JsonNode> sites = new ArrayList<>();
      client().companies().get(company).sites().forEach(s -> sites.add(tree(s)));
      return sites;
    }
  }
}
