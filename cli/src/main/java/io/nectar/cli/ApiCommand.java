package io.nectar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.client.NectarClient;
import io.nectar.client.internal.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that calls the API shares: the root's options, the context, one SDK client. */
abstract class ApiCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  private NectarClient client;

  NectarCli root() {
    return (NectarCli) spec.root().userObject();
  }

  Context context() {
    return root().context();
  }

  NectarCli.Format format() {
    return root().format();
  }

  /** The SDK client for --url and --key (made once per command). */
  NectarClient client() {
    if (client == null) {
      Context context = context();
      // Retries back off through the context's pause, so a test never waits on them.
      client = NectarClient.builder().apiKey(root().apiKey()).baseUrl(root().baseUrl())
          .sleeper(d -> context.pause().pause(d)).build();
    }
    return client;
  }

  /** The SDK's own mapper: models print as the API writes them (decimals as plain strings, ISO dates). */
  static ObjectMapper json() {
    return Json.mapper();
  }

  /** A model as the JSON the API would have sent, for tables and for --json. */
  static JsonNode tree(Object model) {
    return json().valueToTree(model);
  }
}
