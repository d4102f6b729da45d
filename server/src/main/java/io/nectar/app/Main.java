package io.nectar.app;

import io.nectar.config.Config;
import io.nectar.config.ConfigException;
import io.nectar.db.Database;
import io.nectar.db.IdGenerator;
import io.nectar.keys.ApiKey;
import io.nectar.keys.CreatedKey;
import io.nectar.keys.Environment;
import io.nectar.keys.KeyService;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code nectar} command: {@code serve}, and the {@code key}, {@code org}, {@code user} and
 * {@code blobs} admin commands.
 */
@Command(name = "nectar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    subcommands = {Main.Serve.class, Main.Keys.class, OrgCommand.class, UserCommand.class, ParseCommand.class,
        BlobsCommand.class},
    description = "A self-hostable utility-data server compatible with the Nectar external API.")
public final class Main implements Runnable {

  public static void main(String[] args) {
    if (args.length > 0 && "parse".equals(args[0])) {
      // A bill-reading run is short, so its start counts: the reader's parts load beside the command line,
      // which is built for this one command (picocli reads each command's annotations when built).
      BillReading.prepareInBackground();
      System.exit(handlingErrors(new CommandLine(new ParseCommand()).setCommandName("nectar parse"))
          .execute(Arrays.copyOfRange(args, 1, args.length)));
    }
    int code = commandLine().execute(args);
    if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
      System.exit(code);
    }
  }

  /**
   * The command line, with usage errors (a bad setting or argument) reported as one line and exit
   * code 2, and anything else as exit code 1.
   */
  static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** As {@link #commandLine()}, with commands made by {@code factory} (tests give them their settings). */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    return handlingErrors(new CommandLine(new Main(), factory));
  }

  private static CommandLine handlingErrors(CommandLine cli) {
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean usage = e instanceof ConfigException || e instanceof IllegalArgumentException;
      commandLine.getErr().println("nectar: " + (usage ? e.getMessage() : e.toString()));
      return usage ? 2 : 1;
    });
    return cli;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Settings shared by every command: flags override the environment variables of the same meaning. */
  static class Settings {
    @Option(names = "--data-dir", description = "Data folder (env NECTAR_DATA_DIR, default ./data)")
    String dataDir;

    @Option(names = "--database-url", description = "External PostgreSQL (env DATABASE_URL)")
    String databaseUrl;

    /** Where settings come from: the process environment, or a test's map. */
    Map<String, String> environment = System.getenv();

    Config config(Map<String, String> extra) {
      return Config.from(settings(extra));
    }

    /** The environment with the flags (and {@code extra}) on top, as {@link Config#from} reads it. */
    Map<String, String> settings(Map<String, String> extra) {
      Map<String, String> settings = new HashMap<>(environment);
      putIf(settings, "NECTAR_DATA_DIR", dataDir);
      putIf(settings, "DATABASE_URL", databaseUrl);
      extra.forEach((k, v) -> putIf(settings, k, v));
      return settings;
    }

    private static void putIf(Map<String, String> settings, String name, String value) {
      if (value != null) {
        settings.put(name, value);
      }
    }
  }

  @Command(name = "serve", description = "Start the server (embedded PostgreSQL unless DATABASE_URL is set).")
  static final class Serve extends Settings implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (env NECTAR_PORT, default 8080)")
    String port;

    @Option(names = "--public-url", description = "URL users reach the server at (env NECTAR_PUBLIC_URL)")
    String publicUrl;

    @Override
    public Integer call() throws Exception {
      Map<String, String> extra = new HashMap<>();
      if (port != null) {
        extra.put("NECTAR_PORT", port);
      }
      if (publicUrl != null) {
        extra.put("NECTAR_PUBLIC_URL", publicUrl);
      }
      Config config = config(extra);
      long started = System.nanoTime();
      NectarServer server = NectarServer.start(config, Clock.systemUTC());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        System.out.println("Stopping…");
        try {
          server.close();
        } catch (Exception e) {
          System.err.println("nectar: error while stopping: " + e);
        }
        stopped.countDown();
      }, "shutdown"));
      Banner.print(System.out, config, server, server.firstKey(), (System.nanoTime() - started) / 1_000_000);
      stopped.await();
      return 0;
    }
  }

  @Command(name = "key", description = "Manage API keys.", subcommands = {Create.class, ListKeys.class, Revoke.class})
  static final class Keys implements Runnable {
    @Override
    public void run() {
      new CommandLine(this).usage(System.out);
    }
  }

  /** Runs {@code action} against the key service of the configured database. */
  static int withKeys(Settings settings, java.util.function.Function<KeyService, Integer> action)
      throws Exception {
    Config config = settings.config(Map.of());
    try (Database database = Database.open(config, null, 2)) {
      Clock clock = Clock.systemUTC();
      return action.apply(new KeyService(database.jdbi(), clock, new IdGenerator(clock)::next));
    }
  }

  @Command(name = "create", description = "Create an API key; its secret is printed once.")
  static final class Create extends Settings implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "A name to recognise the key by")
    String name;

    @Option(names = "--environment", defaultValue = "sandbox", description = "sandbox or production")
    String environment;

    @Option(names = "--expires", description = "Expiry date YYYY-MM-DD (the key stops working at 00:00 UTC)")
    String expires;

    @Option(names = "--organization", description = "Organization name (default: the default organization)")
    String organization;

    @Override
    public Integer call() throws Exception {
      Environment env = Environment.parse(environment).orElseThrow(() ->
          new IllegalArgumentException("--environment must be sandbox or production"));
      Optional<LocalDate> expiry;
      try {
        expiry = Optional.ofNullable(expires).map(LocalDate::parse);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--expires must be a date YYYY-MM-DD");
      }
      return withKeys(this, keys -> {
        CreatedKey key = keys.create(keys.organization(organization == null
            ? KeyService.DEFAULT_ORGANIZATION : organization), name, env, expiry, Optional.empty());
        System.out.println("Created " + env + " key \"" + key.key().name() + "\" (id " + key.key().id()
            + ") for " + key.key().organizationName() + ".");
        System.out.println("Secret (shown only now):");
        System.out.println("  " + key.secret());
        return 0;
      });
    }
  }

  @Command(name = "list", description = "List API keys (never their secrets).")
  static final class ListKeys extends Settings implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return withKeys(this, keys -> {
        List<ApiKey> all = keys.list();
        PrintStream out = System.out;
        out.printf("%-36s  %-20s  %-10s  %-14s  %-10s  %-20s  %s%n", "ID", "NAME", "ENV", "SECRET", "STATUS",
            "LAST USED", "ORGANIZATION");
        java.time.Instant now = java.time.Instant.now();
        for (ApiKey k : all) {
          String status = k.revoked() != null ? "revoked" : k.isActiveAt(now) ? "active" : "expired";
          out.printf("%-36s  %-20s  %-10s  %-14s  %-10s  %-20s  %s%n", k.id(), k.name(), k.environment(),
              k.secretHint() + "…", status, k.lastUsed() == null ? "never" : k.lastUsed().toString().substring(0, 19),
              k.organizationName());
        }
        return 0;
      });
    }
  }

  @Command(name = "revoke", description = "Revoke an API key; it fails from its next request on.")
  static final class Revoke extends Settings implements Callable<Integer> {
    @Parameters(index = "0", description = "The key id (from `nectar key list`)")
    String id;

    @Override
    public Integer call() throws Exception {
      UUID keyId;
      try {
        keyId = UUID.fromString(id);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + id + "' is not a key id (see `nectar key list`)");
      }
      return withKeys(this, keys -> {
        if (!keys.revoke(keyId)) {
          System.err.println("nectar: no key with id " + keyId);
          return 1;
        }
        System.out.println("Revoked key " + keyId + ".");
        return 0;
      });
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"nectar " + NectarServer.version()};
    }
  }
}
