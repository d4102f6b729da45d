package io.nectar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code ping}: is the server there, is the key valid, and whom does it act for. */
@Command(name = "ping", description = "Check the URL and key: prints the organization and environment the key acts for.")
final class PingCommand extends ApiCommand {
  @Override
  public Integer call() throws Exception {
    JsonNode ping = tree(client().ping());
    if (format() == NectarCli.Format.JSON) {
      context().out().println(json().writeValueAsString(ping));
    } else {
      context().out().printf("ok: %s, organization %s (%s), %s, server %s%n", root().baseUrl(),
          Column.text(ping.at("/organization/name")), Column.text(ping.at("/organization/id")),
          Column.text(ping.path("environment")), Column.text(ping.path("serverVersion")));
    }
    return ExitCode.OK;
  }
}
