package io.nectar.scaleout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that keeps a rolling upgrade safe: <b>a migration only adds; a later release removes</b>.
 *
 * <p>During a roll-out the previous release's servers keep running on the schema the new release
 * migrated, so every statement must leave that schema usable by code that has never heard of it.
 * A migration may therefore create tables, columns (nullable, or NOT NULL with a DEFAULT), indexes
 * (plain, or unique on a new table or over columns the same migration adds), functions and triggers;
 * relax a column (DROP NOT NULL, SET DEFAULT); and replace or rename a plain index (queries never name
 * an index). It may not, on a table an earlier migration created:
 * <ul>
 *   <li>drop anything but a plain index: a table, column, constraint, unique index, function, view,
 *       trigger or type the previous release still uses;</li>
 *   <li>rename a table, column, constraint or anything else but an index;</li>
 *   <li>change a column's type (ALTER COLUMN … TYPE), drop its default, or make it NOT NULL without
 *       giving it a default in the same migration (the previous release inserts without it);</li>
 *   <li>add a NOT NULL column without a default, a constraint (CHECK, UNIQUE, FOREIGN KEY, …), or a
 *       unique index over existing columns: the previous release's writes could break it;</li>
 *   <li>TRUNCATE a table.</li>
 * </ul>
 * Removing is a second step: release N stops using a thing, release N+1 drops it, with an entry in
 * {@link MigrationsOnlyAddTest#REVIEWED} naming the release since which nothing uses it. The same list
 * holds the few statements of already-shipped migrations that the checker cannot prove safe, each with
 * the reason it is.
 *
 * <p>CONCURRENTLY is not required (nor advised) for index builds: Flyway runs such a statement
 * outside a transaction, and a concurrent build waits for every open transaction, including that of a
 * second server waiting for Flyway's lock at startup, so several servers starting at once deadlock.
 *
 * <p>The checker reads SQL as text (comments, string literals and function bodies blanked out), one
 * statement at a time; it is strict where it cannot tell, and the reviewed list is how a person
 * overrules it.
 */
final class MigrationRules {
  private static final String NAME = "(?:\"[^\"]+\"|[a-z_][a-z0-9_$.]*)";
  private static final Pattern CREATE_TABLE =
      Pattern.compile("^create (?:unlogged |temp |temporary )?table (?:if not exists )?(" + NAME + ")");
  private static final Pattern CREATE_INDEX = Pattern.compile(
      "^create (unique )?index (?:concurrently )?(?:if not exists )?(" + NAME + ")? ?on (?:only )?(" + NAME + ")"
          + "(?: using \\w+)? ?\\((.*)");
  private static final Pattern DROP_INDEX =
      Pattern.compile("^drop index (?:concurrently )?(?:if exists )?(.*?)(?: cascade| restrict)?$");
  private static final Pattern ALTER_TABLE =
      Pattern.compile("^alter table (?:if exists )?(?:only )?(" + NAME + ") (.*)$");
  private static final Pattern ALTER_COLUMN =
      Pattern.compile("^alter (?:column )?(" + NAME + ") (.*)$");
  private static final Pattern ADD_COLUMN =
      Pattern.compile("^add (?:column )?(?:if not exists )?(" + NAME + ") (.*)$");
  private static final Pattern SET_DEFAULT = Pattern.compile(
      "alter table (?:if exists )?(?:only )?(" + NAME + ") .*?alter (?:column )?(" + NAME + ") set default");

  /** One statement the rule refuses, with the migration it is in and why. */
  record Violation(String migration, String statement, String why) {
    @Override
    public String toString() {
      return migration + ": " + why + "\n    " + statement;
    }
  }

  /** Unique indexes created by the migrations read so far: dropping one breaks the previous release. */
  private final Set<String> uniqueIndexes = new HashSet<>();

  /**
   * The violations in one migration; call for each migration in version order, since a drop is judged
   * by what earlier migrations created.
   */
  List<Violation> check(String migration, String sql) {
    List<String> statements = statements(sql);
    Set<String> newTables = new HashSet<>();
    Map<String, Set<String>> newColumns = new HashMap<>();
    Set<String> defaultsSet = new HashSet<>();
    for (String statement : statements) {
      Matcher created = CREATE_TABLE.matcher(statement);
      if (created.find()) {
        newTables.add(unquote(created.group(1)));
      }
      Matcher defaulted = SET_DEFAULT.matcher(statement);
      while (defaulted.find()) {
        defaultsSet.add(unquote(defaulted.group(1)) + "." + unquote(defaulted.group(2)));
      }
      Matcher altered = ALTER_TABLE.matcher(statement);
      if (altered.find()) {
        for (String action : topLevelParts(altered.group(2))) {
          Matcher added = ADD_COLUMN.matcher(action);
          if (added.find() && !isConstraintKeyword(added.group(1))) {
            newColumns.computeIfAbsent(unquote(altered.group(1)), t -> new HashSet<>()).add(unquote(added.group(1)));
          }
        }
      }
    }
    List<Violation> violations = new ArrayList<>();
    for (String statement : statements) {
      String why = judge(statement, newTables, newColumns, defaultsSet);
      if (why != null) {
        violations.add(new Violation(migration, statement, why));
      }
    }
    return violations;
  }

  private String judge(String s, Set<String> newTables, Map<String, Set<String>> newColumns, Set<String> defaultsSet) {
    if (s.startsWith("truncate ")) {
      return "TRUNCATE empties a table the previous release still reads";
    }
    Matcher index = CREATE_INDEX.matcher(s);
    if (index.find()) {
      String table = unquote(index.group(3));
      if (index.group(1) != null) {
        if (index.group(2) != null) {
          uniqueIndexes.add(unquote(index.group(2)));
        }
        Set<String> added = newColumns.getOrDefault(table, Set.of());
        boolean overNewColumnsOnly = indexColumns(index.group(4)).stream().allMatch(added::contains);
        if (!newTables.contains(table) && !overNewColumnsOnly) {
          return "a unique index over existing columns: the previous release may write a duplicate";
        }
      }
      return null;
    }
    Matcher dropIndex = DROP_INDEX.matcher(s);
    if (dropIndex.find()) {
      for (String name : dropIndex.group(1).split(",")) {
        if (uniqueIndexes.contains(unquote(name.strip()))) {
          return "drops a unique index: the previous release relies on its uniqueness (and ON CONFLICT on it)";
        }
      }
      return null;
    }
    if (s.startsWith("drop ")) {
      return "drops something the previous release may still use (a later release removes, once unused)";
    }
    if (s.startsWith("alter index ")) {
      return null; // renaming or re-tuning an index: no query names one
    }
    Matcher alterTable = ALTER_TABLE.matcher(s);
    if (alterTable.find()) {
      String table = unquote(alterTable.group(1));
      if (newTables.contains(table)) {
        return null;
      }
      for (String action : topLevelParts(alterTable.group(2))) {
        String why = judgeAction(table, action, defaultsSet);
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    if (s.startsWith("alter ") && s.contains(" rename ")) {
      return "renames something the previous release refers to by name";
    }
    return null;
  }

  private static String judgeAction(String table, String action, Set<String> defaultsSet) {
    if (action.startsWith("rename")) {
      return "renames a table, column or constraint the previous release refers to by name";
    }
    if (action.startsWith("drop ")) {
      return "drops a column or constraint the previous release may still use";
    }
    Matcher column = ALTER_COLUMN.matcher(action);
    if (column.find()) {
      String change = column.group(2);
      if (change.startsWith("type ") || change.startsWith("set data type ")) {
        return "changes a column's type under the previous release's reads and writes";
      }
      if (change.startsWith("drop default")) {
        return "drops a default the previous release's inserts rely on";
      }
      if (change.startsWith("set not null") && !defaultsSet.contains(table + "." + unquote(column.group(1)))) {
        return "makes an existing column NOT NULL without a default: the previous release inserts without it";
      }
      return null;
    }
    Matcher added = ADD_COLUMN.matcher(action);
    if (added.find()) {
      if (isConstraintKeyword(added.group(1))) {
        return "adds a constraint the previous release's writes may break";
      }
      String definition = " " + added.group(2) + " ";
      if (definition.contains(" not null ") && !definition.contains(" default ")) {
        return "adds a NOT NULL column without a default: the previous release inserts without it";
      }
      if (definition.contains(" check ") || definition.contains(" check(")) {
        return "adds a column with a CHECK the previous release's writes may break";
      }
      return null;
    }
    return null;
  }

  private static boolean isConstraintKeyword(String word) {
    return Set.of("constraint", "check", "unique", "primary", "foreign", "exclude").contains(word);
  }

  /** The plain column names of an index's key list; an expression counts as an existing column. */
  private static List<String> indexColumns(String afterOpening) {
    int depth = 1;
    int end = 0;
    while (end < afterOpening.length() && depth > 0) {
      char c = afterOpening.charAt(end++);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    List<String> columns = new ArrayList<>();
    for (String part : topLevelParts(afterOpening.substring(0, Math.max(0, end - 1)))) {
      String name = part.split(" ")[0];
      columns.add(name.matches(NAME) ? unquote(name) : "(expression)");
    }
    return columns;
  }

  /** Splits on commas outside parentheses. */
  private static List<String> topLevelParts(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    parts.add(text.substring(start).strip());
    return parts;
  }

  private static String unquote(String name) {
    String bare = name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    int dot = bare.lastIndexOf('.');
    return dot >= 0 ? bare.substring(dot + 1) : bare; // public.x and x are one table
  }

  /**
   * The script's statements, lower case, on one line each, with comments removed and the insides of
   * string literals and dollar-quoted bodies blanked (a function body's text is not a statement).
   */
  static List<String> statements(String sql) {
    StringBuilder clean = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
        clean.append(' ');
      } else if (c == '\'') {
        int end = i + 1;
        while (end < sql.length()) {
          if (sql.charAt(end) == '\'' && (end + 1 >= sql.length() || sql.charAt(end + 1) != '\'')) {
            break;
          }
          end += sql.charAt(end) == '\'' ? 2 : 1;
        }
        clean.append("''");
        i = end + 1;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        clean.append("$$ $$");
        i = end < 0 ? sql.length() : end + tag.length();
      } else {
        clean.append(c);
        i++;
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : clean.toString().split(";")) {
      String normalized = statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip()
          .replaceAll("\\( ", "(").replaceAll(" \\)", ")");
      if (!normalized.isEmpty()) {
        statements.add(normalized);
      }
    }
    return statements;
  }

  private static String dollarTag(String sql, int at) {
    Matcher tag = Pattern.compile("\\$[A-Za-z_]*\\$").matcher(sql);
    return tag.find(at) && tag.start() == at ? tag.group() : null;
  }
}
