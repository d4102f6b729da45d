package io.nectar.app;

import io.nectar.errors.InvalidInput;
import io.nectar.keys.Branding;
import io.nectar.keys.BrandingChange;
import io.nectar.keys.BrandingChange.Setting;
import io.nectar.keys.KeyService;
import io.nectar.keys.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nectar org}: organization settings; for now the white label of the hosted pages. */
@Command(name = "org", description = "Manage organizations.", subcommands = OrgCommand.BrandingCommand.class)
final class OrgCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * {@code nectar org branding}: shows the branding, after changing what the options say. It acts on
   * the default organization unless {@code --organization} names another (by name, as
   * {@code key create} does, or by id), and never creates one.
   */
  @Command(name = "branding", description = "Show or change the white label (name, colour, logo, "
      + "frame-ancestors) of the organization's hosted connection pages. Branding is per organization: "
      + "both environments share it.")
  static final class BrandingCommand extends Main.Settings implements Callable<Integer> {
    /** The fields {@code --reset} takes, by their option names. */
    enum Field { NAME, COLOUR, LOGO_URL, FRAME_ANCESTORS }

    @Option(names = "--organization", description = "Organization name or id (default: the default organization)")
    String organization;

    @Option(names = "--name", description = "The name the pages show (1 to 100 characters)")
    String name;

    @Option(names = {"--colour", "--color"}, description = "The brand colour, #rrggbb")
    String colour;

    @Option(names = "--logo-url", description = "An absolute https:// URL of the logo")
    String logoUrl;

    @Option(names = "--frame-ancestor", description = "A site allowed to embed the pages in an iframe: *, "
        + "'self', 'none', https://host[:port] or https://*.domain; repeat for several (replaces the list)")
    List<String> frameAncestors;

    @Option(names = "--reset", description = "Reset a field to its default: name, colour, logo-url or "
        + "frame-ancestors; repeat for several")
    List<String> reset;

    @Override
    public Integer call() throws Exception {
      BrandingChange change = change();
      return Main.withKeys(this, keys -> {
        Organization target = target(keys);
        Branding branding;
        try {
          branding = keys.changeBranding(target.id(), change);
        } catch (InvalidInput e) {
          List<String> problems = new ArrayList<>();
          e.errors().forEach((field, messages) -> messages.forEach(m -> problems.add(field + ": " + m)));
          throw new IllegalArgumentException(String.join("; ", problems));
        }
        System.out.println("Branding of " + target.name() + " (id " + target.id() + "):");
        System.out.println("  name:            " + branding.name());
        System.out.println("  colour:          " + branding.colour());
        System.out.println("  logo URL:        " + (branding.logoUrl() == null ? "(none)" : branding.logoUrl()));
        System.out.println("  frame-ancestors: " + (branding.frameAncestors().isEmpty() ? "(none)"
            : String.join(" ", branding.frameAncestors())));
        return 0;
      });
    }

    private Organization target(KeyService keys) {
      if (organization == null) {
        return keys.organization(KeyService.DEFAULT_ORGANIZATION);
      }
      return keys.findOrganization(organization).orElseThrow(() -> new IllegalArgumentException(
          "no organization has the name or id '" + organization + "' (see `nectar key list`)"));
    }

    private BrandingChange change() {
      List<Field> resets = new ArrayList<>();
      for (String field : reset == null ? List.<String>of() : reset) {
        try {
          resets.add(Field.valueOf(field.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--reset takes name, colour, logo-url or frame-ancestors, not '"
              + field + "'");
        }
      }
      return new BrandingChange(setting(Field.NAME, name, resets), setting(Field.COLOUR, colour, resets),
          setting(Field.LOGO_URL, logoUrl, resets), setting(Field.FRAME_ANCESTORS, frameAncestors, resets));
    }

    private static <T> Setting<T> setting(Field field, T value, List<Field> resets) {
      if (resets.contains(field)) {
        if (value != null) {
          throw new IllegalArgumentException("--reset " + field.name().toLowerCase(Locale.ROOT).replace('_', '-')
              + " and a new value for it cannot go together");
        }
        return Setting.reset();
      }
      return value == null ? Setting.keep() : Setting.set(value);
    }
  }
}
