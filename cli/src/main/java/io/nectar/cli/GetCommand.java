package io.nectar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code get RESOURCE ID}: one object, as a two-column table or as JSON. */
@Command(name = "get", description = {"Get one object by id.",
    "RESOURCE: company, site, connection, meter, document, usage, job, invitation, webhook-endpoint."})
final class GetCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "RESOURCE", description = "What to get")
  String resource;

  @Parameters(index = "1", paramLabel = "ID", description = "Its id")
  String id;

  @Override
  public Integer call() throws Exception {
    Resource what = Resource.named(resource);
    var object = tree(what.get(client(), Ids.parse(what.displayName() + " ID", id)));
    if (format() == NectarCli.Format.JSON) {
      context().out().println(json().writerWithDefaultPrettyPrinter().writeValueAsString(object));
      return ExitCode.OK;
    }
    // One object: its columns as name/value lines, which stay readable however long the values are.
    int width = what.columns().stream().mapToInt(c -> c.header().length()).max().orElse(0);
    for (Column column : what.columns()) {
      context().out().println(String.format("%-" + width + "s  %s", column.header(), column.value().apply(object)));
    }
    return ExitCode.OK;
  }

}
