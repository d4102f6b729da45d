package io.nectar.parsing.layouts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads templates: the ones shipped under {@code layouts/} on the classpath, then an operator's folder
 * ({@code NECTAR_TEMPLATES_DIR}) whose files replace shipped ones of the same id. A broken file stops the
 * load with its name and line: a template silently skipped would read bills wrong without anyone knowing.
 */
public final class TemplateLoader {
  static final String CLASSPATH_FOLDER = "layouts";
  private static final Pattern SHIPPED_ENTRY = Pattern.compile(CLASSPATH_FOLDER + "/[^/]+\\.ya?ml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  /** The shipped templates, read once: they cannot change while the process runs. Null until first asked for. */
  private static Map<String, Template> shipped;

  private TemplateLoader() {}

  /** Shipped templates, then the operator's (null for none), by id. */
  public static Map<String, Template> load(Path operatorFolder) {
    Map<String, Template> byId = new LinkedHashMap<>(shipped());
    if (operatorFolder != null) {
      if (!Files.isDirectory(operatorFolder)) {
        throw new BrokenTemplate(operatorFolder.toString(), 0, "the templates folder does not exist", null);
      }
      for (Path file : yamlFiles(operatorFolder)) {
        try (InputStream in = Files.newInputStream(file)) {
          add(byId, read(file.toString(), in), file.toString(), true);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    }
    return byId;
  }

  /**
   * The templates shipped under {@code layouts/} on the classpath, by id. Read on first use; a caller arriving
   * while another thread reads them waits for that reading instead of doing it again.
   */
  public static synchronized Map<String, Template> shipped() {
    if (shipped == null) {
      Map<String, Template> byId = new LinkedHashMap<>();
      for (String name : classpathFiles()) {
        String resource = CLASSPATH_FOLDER + "/" + name;
        try (InputStream in = TemplateLoader.class.getClassLoader().getResourceAsStream(resource)) {
          add(byId, read(resource, in), resource, false);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + resource, e);
        }
      }
      shipped = Collections.unmodifiableMap(byId);
    }
    return shipped;
  }

  private static void add(Map<String, Template> byId, Template template, String file, boolean overrides) {
    if (!overrides && byId.containsKey(template.id())) {
      throw new BrokenTemplate(file, 0, "the id " + template.id() + " is used by another template", null);
    }
    byId.put(template.id(), template);
  }

  /** One template file; {@code file} names it in errors. */
  public static Template read(String file, InputStream in) {
    Template template;
    try {
      template = YAML.readValue(in, Template.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : e;
      String problem = cause == e ? e.getOriginalMessage() : cause.getMessage();
      throw new BrokenTemplate(file, at == null ? 0 : at.getLineNr(), firstLine(problem), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (template == null) {
      throw new BrokenTemplate(file, 0, "the file is empty", null);
    }
    check(file, template);
    return template;
  }

  private static void check(String file, Template t) {
    if (t.id() == null || !t.id().matches("[a-z0-9][a-z0-9._-]*")) {
      throw new BrokenTemplate(file, 0, "id is missing or not lower-case letters, digits, '.', '_' and '-'", null);
    }
    if (t.datasourceType() == null) {
      throw new BrokenTemplate(file, 0, "datasourceType is missing", null);
    }
    if (t.identify() == null || t.identify().all().isEmpty() && t.identify().any().isEmpty()) {
      throw new BrokenTemplate(file, 0, "identify needs keywords under all or any", null);
    }
    for (String field : t.fields().keySet()) {
      if (!Template.FIELDS.contains(field)) {
        throw new BrokenTemplate(file, 0, "unknown field " + field + "; known: " + Template.FIELDS, null);
      }
    }
    t.fields().forEach((field, rules) -> rules.forEach(rule -> {
      if (rule.pattern() == null && rule.label() == null) {
        throw new BrokenTemplate(file, 0, field + ": a rule needs a pattern or a label", null);
      }
    }));
    for (Template.Table table : t.lineItems()) {
      if (table.rows().isEmpty()) {
        throw new BrokenTemplate(file, 0, "a lineItems table has no rows", null);
      }
      for (Template.Row row : table.rows()) {
        if (row.pattern() == null || !row.pattern().hasGroup("amount")) {
          throw new BrokenTemplate(file, 0, "a lineItems row pattern needs an (?<amount>...) group", null);
        }
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static List<Path> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /**
   * The template files shipped on the classpath, from a folder (tests, {@code mvn exec}) or the jar, without a
   * scanning library: a file dropped under {@code resources/layouts/} is picked up with no index to edit.
   */
  static List<String> classpathFiles() {
    List<String> names = new ArrayList<>();
    try {
      Enumeration<URL> roots = TemplateLoader.class.getClassLoader().getResources(CLASSPATH_FOLDER);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if ("file".equals(root.getProtocol())) {
          for (Path file : yamlFiles(Path.of(root.toURI()))) {
            names.add(file.getFileName().toString());
          }
        } else if ("jar".equals(root.getProtocol())) {
          JarURLConnection connection = (JarURLConnection) root.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
              String entry = entries.nextElement().getName();
              if (SHIPPED_ENTRY.matcher(entry).matches()) {
                names.add(entry.substring(CLASSPATH_FOLDER.length() + 1));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shipped templates", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the shipped templates", e);
    }
    return names.stream().distinct().sorted().toList();
  }
}
