package io.nectar.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment examples under {@code deploy/} and the image settings in the {@code image} profile of
 * {@code server/pom.xml}, read as the tools that use them read them. YAML goes through SnakeYAML (the
 * engine under jackson-dataformat-yaml) because Compose files lean on anchors and merge keys, which
 * Jackson leaves unresolved.
 */
final class DeployFiles {
  /** Surefire runs in the module folder, {@code server/}. */
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  static final Path DEPLOY = REPOSITORY.resolve("deploy");

  private DeployFiles() {}

  /** One YAML document, anchors and merge keys resolved. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String relative) {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(read(relative));
  }

  /** Every Kubernetes object in the files of {@code deploy/kubernetes/}, by kind. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> kubernetes(String kind) {
    List<Map<String, Object>> objects = new ArrayList<>();
    try (var files = Files.list(DEPLOY.resolve("kubernetes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
          Map<String, Object> object = (Map<String, Object>) document;
          if (object != null && kind.equals(object.get("kind"))) {
            objects.add(object);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  static String read(String relative) {
    try {
      return Files.readString(DEPLOY.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code a.b.c} of nested maps; empty when a step is missing. */
  @SuppressWarnings("unchecked")
  static Optional<Object> at(Object root, String path) {
    Object current = root;
    for (String step : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
        return Optional.empty();
      }
      current = ((Map<String, Object>) map).get(step);
    }
    return Optional.ofNullable(current);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object root, String path) {
    return (Map<String, Object>) at(root, path).orElseThrow(() -> new AssertionError("no " + path));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object root, String path) {
    return (List<Map<String, Object>>) at(root, path).orElse(List.of());
  }

  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?([-?])([^}]*))?}");

  /**
   * A Compose value with its {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?error}} filled
   * in as Compose would from {@code .env}: a default when one is written, else the value {@code env}
   * gives (a test's stand-in for the operator's secret).
   */
  static String interpolate(String value, Map<String, String> env) {
    Matcher m = INTERPOLATION.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = "-".equals(m.group(2)) ? m.group(3) : env.get(m.group(1));
      if (replacement == null) {
        throw new AssertionError("no stand-in for ${" + m.group(1) + "} in " + value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** What the Jib {@code image} profile of {@code server/pom.xml} puts in the image's config. */
  record ImageSettings(String user, List<Integer> ports, Map<String, String> environment, List<String> volumes) {
    /** The numeric user id of {@code uid:gid}. */
    int uid() {
      return Integer.parseInt(user.split(":")[0]);
    }

    static ImageSettings fromPom() {
      try {
        var factory = DocumentBuilderFactory.newInstance();
        Document pom = factory.newDocumentBuilder().parse(REPOSITORY.resolve("server/pom.xml").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String container = "/project/profiles/profile[id='image']/build/plugins/plugin[artifactId='jib-maven-plugin']"
            + "/configuration/container";
        String user = xpath.evaluate(container + "/user", pom).trim();
        List<Integer> ports = new ArrayList<>();
        NodeList portNodes = (NodeList) xpath.evaluate(container + "/ports/port", pom, XPathConstants.NODESET);
        for (int i = 0; i < portNodes.getLength(); i++) {
          ports.add(Integer.parseInt(portNodes.item(i).getTextContent().trim()));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        NodeList variables = (NodeList) xpath.evaluate(container + "/environment/*", pom, XPathConstants.NODESET);
        for (int i = 0; i < variables.getLength(); i++) {
          Element variable = (Element) variables.item(i);
          environment.put(variable.getTagName(), variable.getTextContent().trim());
        }
        List<String> volumes = new ArrayList<>();
        NodeList volumeNodes = (NodeList) xpath.evaluate(container + "/volumes/volume", pom, XPathConstants.NODESET);
        for (int i = 0; i < volumeNodes.getLength(); i++) {
          volumes.add(volumeNodes.item(i).getTextContent().trim());
        }
        if (user.isEmpty()) {
          throw new AssertionError("server/pom.xml has no image profile with a Jib container user");
        }
        return new ImageSettings(user, ports, environment, volumes);
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the image profile of server/pom.xml", e);
      }
    }
  }
}
