package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./nectar org branding}, run in-process on an embedded database of its own. */
class OrgCommandTest {
  @TempDir
  Path dataDir;


  private CommandRun run(String... args) {
    String[] withDir = new String[args.length + 2];
    System.arraycopy(args, 0, withDir, 0, args.length);
    withDir[args.length] = "--data-dir";
    withDir[args.length + 1] = dataDir.toString();
    return CommandRun.of(withDir);
  }

  @Test
  void brandingIsShownChangedAndResetForTheNamedOrganizationOnly() {
    assertThat(run("key", "create", "--name", "k", "--organization", "Acme").code()).isZero();
    CommandRun created = run("key", "create", "--name", "k", "--organization", "Other");
    assertThat(created.code()).isZero();

    CommandRun shown = run("org", "branding", "--organization", "Acme");
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("Branding of Acme", "name:            Acme", "colour:          #1f6feb",
        "logo URL:        (none)", "frame-ancestors: *");

    CommandRun changed = run("org", "branding", "--organization", "Acme", "--name", "Acme Energy", "--colour", "#0A7D43",
        "--logo-url", "https://cdn.example.com/acme.png", "--frame-ancestor", "https://app.example.com",
        "--frame-ancestor", "'self'");
    assertThat(changed.code()).as(changed.err()).isZero();
    assertThat(changed.out()).contains("name:            Acme Energy", "colour:          #0a7d43",
        "logo URL:        https://cdn.example.com/acme.png", "frame-ancestors: https://app.example.com 'self'");
    Matcher id = Pattern.compile("Branding of Acme \\(id ([0-9a-f-]{36})\\)").matcher(changed.out());
    assertThat(id.find()).as(changed.out()).isTrue();

    // By id too; --reset puts a field back to its default.
    CommandRun reset = run("org", "branding", "--organization", id.group(1), "--reset", "logo-url", "--reset", "name");
    assertThat(reset.code()).as(reset.err()).isZero();
    assertThat(reset.out()).contains("name:            Acme\n", "colour:          #0a7d43", "logo URL:        (none)");

    assertThat(run("org", "branding", "--organization", "Other").out()).contains("colour:          #1f6feb",
        "frame-ancestors: *");
  }

  @Test
  void badValuesAndUnknownOrganizationsAreUsageErrorsThatChangeNothing() {
    assertThat(run("key", "create", "--name", "k", "--organization", "Acme").code()).isZero();

    CommandRun hostile = run("org", "branding", "--organization", "Acme", "--frame-ancestor",
        "https://a.example; script-src *");
    assertThat(hostile.code()).isEqualTo(2);
    assertThat(hostile.err()).contains("frameAncestors").contains("not an allowed source");
    CommandRun colour = run("org", "branding", "--organization", "Acme", "--colour", "red");
    assertThat(colour.code()).isEqualTo(2);
    assertThat(colour.err()).contains("colour");
    assertThat(run("org", "branding", "--organization", "Nobody").code()).isEqualTo(2);
    assertThat(run("org", "branding", "--organization", "Acme", "--reset", "logo").code()).isEqualTo(2);
    assertThat(run("org", "branding", "--organization", "Acme", "--reset", "colour", "--colour", "#000000").code())
        .isEqualTo(2);

    assertThat(run("org", "branding", "--organization", "Acme").out()).contains("colour:          #1f6feb",
        "frame-ancestors: *");
  }
}
