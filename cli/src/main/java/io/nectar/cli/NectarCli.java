package io.nectar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code nectar api}: the API from a shell. Every failure is one line on stderr and an exit code
 * ({@link ExitCode}); a stack trace is never printed.
 */
@Command(name = "nectar api", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    versionProvider = NectarCli.Version.class,
    subcommands = {PingCommand.class, GetCommand.class, ListCommand.class, UploadCommand.class, ExportCommand.class,
        WebhookCommand.class},
    description = "Call a Nectar-compatible API (this server, or Nectar's own) from the command line.",
    footer = {"", "Exit codes: 0 ok, 1 API error, 2 usage error, 3 network error."})
public final class NectarCli {
  static final String DEFAULT_URL = "http://localhost:8080/v2.2";

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Base URL with the version (env NECTAR_URL, default " + DEFAULT_URL + ")")
  String url;

  @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "KEY", description = "API key (env NECTAR_API_KEY)")
  String key;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON instead of a table.")
  boolean json;

  private final Context context;

  NectarCli(Context context) {
    this.context = context;
  }

  public static void main(String[] args) {
    Context context = Context.system();
    Runtime.getRuntime().addShutdownHook(new Thread(context.stop()::stop, "stop"));
    int code = run(context, args);
    System.exit(code);
  }

  /** Runs one command line in {@code context}; returns its exit code. */
  public static int run(Context context, String... args) {
    CommandLine cli = commandLine(context);
    try {
      return cli.execute(args);
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  static CommandLine commandLine(Context context) {
    NectarCli root = new NectarCli(context);
    CommandLine cli = new CommandLine(root);
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setParameterExceptionHandler((e, args) -> {
      String command = e.getCommandLine().getCommandSpec().qualifiedName();
      context.err().println("nectar api: " + e.getMessage() + " (see " + command + " --help)");
      return ExitCode.USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Failure failure = Failure.of(e);
      context.err().println("nectar api: " + failure.message());
      return failure.exitCode();
    });
    return cli;
  }

  Context context() {
    return context;
  }

  /** The output format chosen for the whole command line. */
  Format format() {
    return json ? Format.JSON : Format.TABLE;
  }

  /** The base URL: --url, else NECTAR_URL, else the local server. */
  String baseUrl() {
    String chosen = url != null ? url : context.env("NECTAR_URL");
    return chosen != null ? chosen : DEFAULT_URL;
  }

  /** The API key: --key, else NECTAR_API_KEY; a usage error when neither is given. */
  String apiKey() {
    String chosen = key != null ? key : context.env("NECTAR_API_KEY");
    if (chosen == null || chosen.isBlank()) {
      throw new UsageException("no API key: pass --key or set NECTAR_API_KEY");
    }
    return chosen;
  }

  /** Output as a table for people or JSON for programs. */
  enum Format { TABLE, JSON }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = NectarCli.class.getPackage().getImplementationVersion();
      return new String[] {"nectar api " + (version == null ? "(development build)" : version)};
    }
  }
}
