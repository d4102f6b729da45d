package io.nectar.app;

import io.nectar.config.Config;
import io.nectar.db.Database;
import io.nectar.db.IdGenerator;
import io.nectar.errors.Conflict;
import io.nectar.errors.InvalidInput;
import io.nectar.keys.KeyService;
import io.nectar.keys.Organization;
import io.nectar.mail.Mailers;
import io.nectar.users.OneTimeLink;
import io.nectar.users.Role;
import io.nectar.users.UserService;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nectar user}: people who sign in to the dashboard. */
@Command(name = "user", description = "Manage dashboard users.", subcommands = UserCommand.Create.class)
final class UserCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * {@code nectar user create --email E [--organization O] [--role admin|member]}: makes the person (or,
   * for one who exists in that organization, a new link, which resets their password) and prints a
   * one-time link where they choose their password.
   */
  @Command(name = "create", description = "Create a dashboard user and print a one-time link (valid 24 hours) "
      + "where they choose their password; for an existing user of that organization, a new link.")
  static final class Create extends Main.Settings implements Callable<Integer> {
    @Option(names = "--email", required = true, description = "Their e-mail address (they sign in with it)")
    String email;

    @Option(names = "--organization", description = "Organization name or id (default: the default organization, "
        + "made if missing; a name given here is made if missing too)")
    String organization;

    @Option(names = "--role", defaultValue = "admin", description = "admin (default) or member")
    String role;

    @Override
    public Integer call() throws Exception {
      Role chosen = switch (role.trim().toLowerCase(Locale.ROOT)) {
        case "admin", "administrator" -> Role.ADMIN;
        case "member" -> Role.MEMBER;
        default -> throw new IllegalArgumentException("--role must be admin or member");
      };
      Config config = config(Map.of());
      try (Database database = Database.open(config, null, 2)) {
        Clock clock = Clock.systemUTC();
        IdGenerator ids = new IdGenerator(clock);
        KeyService keys = new KeyService(database.jdbi(), clock, ids::next);
        UserService users = new UserService(database.jdbi(), clock, ids::next, keys,
            Mailers.from(config.smtp(), clock), config.publicUrl(), UserService.Settings.defaults());
        Organization target = organization == null ? keys.organization(KeyService.DEFAULT_ORGANIZATION)
            : keys.findOrganization(organization).orElseGet(() -> keys.organization(organization));
        OneTimeLink link;
        try {
          link = users.create(target, email, chosen);
        } catch (InvalidInput | Conflict e) {
          throw new IllegalArgumentException(e.detail());
        }
        System.out.println("Dashboard user " + link.email() + " of " + target.name() + ": open this one-time link "
            + "to choose the password (valid until " + link.expires() + "):");
        System.out.println();
        System.out.println("  " + link.url());
        return 0;
      }
    }
  }
}
