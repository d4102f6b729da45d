package io.nectar.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.scaleout.MigrationRules.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations only add; a later release removes (see {@link MigrationRules}): several servers of two
 * releases share one database during a rolling upgrade, and the older one must keep working on the
 * newer schema.
 */
class MigrationsOnlyAddTest {
  private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
  private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.+\\.sql$");

  /** A statement a person checked and found safe for the previous release, and why. */
  record Reviewed(String migration, String statementStart, String reason) {}

  /**
   * Statements the checker cannot prove safe, reviewed. A drop that ends a thing's life (the second
   * step of "a later release removes") belongs here too, with the release since which nothing uses it.
   */
  static final List<Reviewed> REVIEWED = List.of(
      new Reviewed("V12", "create unique index account_uploaded_number on account",
          "partial on connection_id is null: the previous release only wrote accounts of connections"),
      new Reviewed("V12", "create unique index meter_uploaded_key on meter",
          "partial on connection_id is null: the previous release only wrote meters of connections"));

  @Test
  void everyMigrationOnlyAddsOrIsReviewed() throws IOException {
    List<Violation> unreviewed = new ArrayList<>();
    Set<Reviewed> used = new HashSet<>();
    MigrationRules rules = new MigrationRules();
    for (Path file : migrationsInOrder()) {
      String name = file.getFileName().toString();
      for (Violation violation : rules.check(name, Files.readString(file))) {
        var reviewed = REVIEWED.stream()
            .filter(r -> name.startsWith(r.migration() + "__") && violation.statement().startsWith(r.statementStart()))
            .findFirst();
        reviewed.ifPresentOrElse(used::add, () -> unreviewed.add(violation));
      }
    }
    assertThat(unreviewed)
        .as("migrations only add; a later release removes (MigrationRules says how)")
        .isEmpty();
    assertThat(REVIEWED).as("reviewed entries that no longer match a statement").containsExactlyInAnyOrderElementsOf(used);
  }

  @Test
  void theRuleRefusesWhatBreaksThePreviousRelease() {
    String earlier = """
        create table company (id uuid primary key, name text not null, note text default 'x');
        create unique index company_name on company (name);
        create index company_note on company (note);
        create function f() returns int language sql as $$ select 1 $$;
        """;
    List<String> refused = List.of(
        "drop table company",
        "drop table if exists company cascade",
        "alter table company drop column note",
        "alter table company drop constraint company_pkey",
        "alter table company rename to firm",
        "alter table company rename column name to title",
        "alter table company alter column name type varchar(80)",
        "alter table company alter name set data type varchar(80)",
        "alter table company alter column note drop default",
        "alter table company alter column note set not null",
        "alter table company add column code text not null",
        "alter table company add constraint note_short check (length(note) < 10)",
        "alter table company add unique (note)",
        "alter table company add column code text check (code <> '')",
        "create unique index company_note_unique on company (note)",
        "drop index company_name",
        "drop index concurrently if exists company_name",
        "drop function f",
        "drop view company_view",
        "alter function f rename to g",
        "truncate company",
        "alter table company add column code text, drop column note");
    for (String statement : refused) {
      assertThat(violationsAfter(earlier, statement + ";")).as(statement).hasSize(1);
    }
  }

  @Test
  void theRuleAllowsWhatThePreviousReleaseCannotNotice() {
    String earlier = """
        create table company (id uuid primary key, name text not null, note text default 'x');
        create unique index company_name on company (name);
        create index company_note on company (note);
        """;
    List<String> allowed = List.of(
        "create table site (id uuid primary key, name text not null); alter table site drop column name;"
            + " create unique index site_name on site (name)",
        "alter table company add column code text",
        "alter table company add column active boolean not null default true",
        "alter table company add column code text; create unique index company_code on company (code)",
        "alter table company alter column name drop not null",
        "alter table company alter column note set default 'y'",
        "alter table company alter column note set not null; alter table company alter column note set default 'z'",
        "create index company_note_2 on company (note, id); drop index company_note",
        "alter index company_note rename to company_note_old",
        "create index concurrently if not exists company_id_note on company (id) include (note)",
        "create function g() returns int language plpgsql as $body$ begin drop table company; end $body$",
        "-- drop table company\ncomment on table company is 'drop table company; rename'",
        "update company set note = 'x' where note is null");
    for (String statement : allowed) {
      assertThat(violationsAfter(earlier, statement + ";")).as(statement).isEmpty();
    }
  }

  private static List<Violation> violationsAfter(String earlier, String later) {
    MigrationRules rules = new MigrationRules();
    assertThat(rules.check("V1__earlier.sql", earlier)).isEmpty();
    return rules.check("V2__later.sql", later);
  }

  private static List<Path> migrationsInOrder() throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      List<Path> migrations = files.filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(MigrationsOnlyAddTest::version))
          .toList();
      assertThat(migrations).isNotEmpty();
      return migrations;
    }
  }

  private static int version(Path file) {
    Matcher m = VERSION.matcher(file.getFileName().toString());
    assertThat(m.matches()).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
