package io.nectar.deploy;

import static io.nectar.deploy.DeployFiles.at;
import static io.nectar.deploy.DeployFiles.list;
import static io.nectar.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.config.Config;
import io.nectar.config.ConfigException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/kubernetes/}: what a cluster would run is several non-root servers that stay up through
 * a rolling upgrade, with secrets out of the manifests, settings the server reads, and memory for the
 * JVM options they are given. (The probes' routes are checked against a real server in ProbesTest.)
 */
class KubernetesExampleTest {
  private static final Map<String, Object> DEPLOYMENT = only("Deployment");
  private static final Map<String, Object> POD = map(DEPLOYMENT, "spec.template.spec");
  private static final Map<String, Object> SERVER = list(POD, "containers").get(0);
  private static final DeployFiles.ImageSettings IMAGE = DeployFiles.ImageSettings.fromPom();

  private static Map<String, Object> only(String kind) {
    List<Map<String, Object>> objects = DeployFiles.kubernetes(kind);
    assertThat(objects).as(kind).hasSize(1);
    return objects.get(0);
  }

  @Test
  void severalServersRollOneAtATimeAndADrainLeavesOneServing() {
    assertThat((Integer) at(DEPLOYMENT, "spec.replicas").orElseThrow()).isGreaterThanOrEqualTo(2);
    assertThat(at(DEPLOYMENT, "spec.strategy.type")).contains("RollingUpdate");
    assertThat(at(DEPLOYMENT, "spec.strategy.rollingUpdate.maxUnavailable")).contains(0);

    Map<String, Object> podLabels = map(DEPLOYMENT, "spec.template.metadata.labels");
    Map<String, Object> budget = only("PodDisruptionBudget");
    assertThat((Integer) at(budget, "spec.minAvailable").orElseThrow()).isGreaterThanOrEqualTo(1);
    assertThat(podLabels).containsAllEntriesOf(map(budget, "spec.selector.matchLabels"));
    assertThat(podLabels).containsAllEntriesOf(map(DEPLOYMENT, "spec.selector.matchLabels"));
  }

  @Test
  void kustomizeAppliesEveryObjectButTheSecretAndNamesTheServersImage() throws Exception {
    Map<String, Object> kustomization = DeployFiles.yaml("kubernetes/kustomization.yaml");
    List<String> files;
    try (var listing = Files.list(DeployFiles.DEPLOY.resolve("kubernetes"))) {
      files = listing.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml") && !f.equals("secret.yaml"))
          .toList();
    }
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) kustomization.get("resources");
    assertThat(resources).containsExactlyInAnyOrderElementsOf(files);
    assertThat(list(kustomization, "images")).extracting(image -> image.get("name")).contains(SERVER.get("image"));
  }

  @Test
  void theServiceReachesTheServersPort() {
    Map<String, Object> service = only("Service");
    assertThat(map(DEPLOYMENT, "spec.template.metadata.labels")).containsAllEntriesOf(map(service, "spec.selector"));
    Object target = list(service, "spec.ports").get(0).get("targetPort");
    Map<String, Object> port = list(SERVER, "ports").stream()
        .filter(p -> target.equals(p.get("name")) || target.equals(p.get("containerPort")))
        .findFirst().orElseThrow(() -> new AssertionError("no container port " + target));
    // The server listens on NECTAR_PORT (default 8080, the port the image exposes).
    assertThat(environment()).doesNotContainKey("NECTAR_PORT");
    assertThat(IMAGE.ports()).contains((Integer) port.get("containerPort"))
        .contains(Config.DEFAULT_PORT);
  }

  @Test
  void theServersRunAsTheImagesNonRootUserOnAReadOnlyRoot() {
    assertThat(IMAGE.uid()).isPositive();
    assertThat(at(POD, "securityContext.runAsNonRoot")).contains(true);
    assertThat(at(POD, "securityContext.runAsUser")).contains(IMAGE.uid());
    assertThat(at(SERVER, "securityContext.allowPrivilegeEscalation")).contains(false);
    assertThat(at(SERVER, "securityContext.readOnlyRootFilesystem")).contains(true);

    // What the server writes goes to emptyDir volumes: its data folder and the temporary folder.
    Map<String, String> writable = new HashMap<>();
    for (Map<String, Object> mount : list(SERVER, "volumeMounts")) {
      Map<String, Object> volume = list(POD, "volumes").stream().filter(v -> v.get("name").equals(mount.get("name")))
          .findFirst().orElseThrow();
      if (volume.containsKey("emptyDir")) {
        writable.put((String) mount.get("mountPath"), (String) mount.get("name"));
      }
    }
    String dataDir = environment().getOrDefault("NECTAR_DATA_DIR", IMAGE.environment().get("NECTAR_DATA_DIR"));
    assertThat(writable).containsKeys(dataDir, "/tmp");
    assertThat(IMAGE.volumes()).contains(dataDir);
  }

  @Test
  void secretsComeFromTheSecretAndItsPlaceholdersAreRefused() {
    for (String name : List.of("NECTAR_SECRET_KEY", "DATABASE_URL", "AWS_SECRET_ACCESS_KEY")) {
      Map<String, Object> variable = variable(name);
      assertThat(variable).as(name).doesNotContainKey("value");
      assertThat(at(variable, "valueFrom.secretKeyRef.name")).as(name).contains(secretName());
    }
    // A copy of the example applied as it is must not run with a key everyone can read.
    String placeholder = (String) map(only("Secret"), "stringData").get("NECTAR_SECRET_KEY");
    assertThatThrownBy(() -> Config.from(Map.of("NECTAR_SECRET_KEY", placeholder)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("NECTAR_SECRET_KEY");
  }

  @Test
  void everySettingGivenIsOneTheServerReadsAndAccepts() {
    Map<String, String> environment = withSecrets(environment());
    environment.remove("JDK_JAVA_OPTIONS"); // the java launcher's, not the server's
    assertThat(ConfigReads.namesReadFrom(environment)).containsAll(environment.keySet());
  }

  @Test
  void theMemoryLimitHoldsTheJvmOptionsAndTheOcrProcesses() {
    assertThat(at(SERVER, "resources.requests.cpu")).isPresent();
    assertThat(at(SERVER, "resources.requests.memory")).isPresent();
    assertThat(at(SERVER, "resources.limits.cpu")).isPresent();
    long limit = mebibytes((String) at(SERVER, "resources.limits.memory").orElseThrow());

    String options = environment().get("JDK_JAVA_OPTIONS");
    long jvm = option(options, "-Xmx") + option(options, "-XX:MaxMetaspaceSize=")
        + option(options, "-XX:ReservedCodeCacheSize=");
    // Thread stacks, buffers and the JVM's own needs; one Tesseract process per OCR thread (~75 MiB at 300 dpi).
    long ocr = Long.parseLong(environment().get("NECTAR_OCR_THREADS")) * 100;
    assertThat(limit).isGreaterThanOrEqualTo(jvm + 256 + ocr);
    // As many OCR processes as CPUs the pod may use, whatever the node's core count.
    assertThat(Double.parseDouble(((String) at(SERVER, "resources.limits.cpu").orElseThrow())))
        .isGreaterThanOrEqualTo(Double.parseDouble(environment().get("NECTAR_OCR_THREADS")));
  }

  private static Map<String, Object> variable(String name) {
    return list(SERVER, "env").stream().filter(v -> name.equals(v.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("the server is not given " + name));
  }

  private static String secretName() {
    return (String) at(only("Secret"), "metadata.name").orElseThrow();
  }

  /** The container's environment, values from the Secret left out. */
  private static Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (Map<String, Object> variable : list(SERVER, "env")) {
      if (variable.containsKey("value")) {
        environment.put((String) variable.get("name"), String.valueOf(variable.get("value")));
      }
    }
    return environment;
  }

  /** The environment with the Secret's entries filled by values an operator would give. */
  private static Map<String, String> withSecrets(Map<String, String> environment) {
    Map<String, String> standIns = Map.of(
        "NECTAR_SECRET_KEY", "k".repeat(48),
        "DATABASE_URL", "postgres://nectar:password@postgres.example.internal:5432/nectar",
        "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
        "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    Map<String, String> full = new LinkedHashMap<>(environment);
    for (Map<String, Object> variable : list(SERVER, "env")) {
      String name = (String) variable.get("name");
      if (at(variable, "valueFrom.secretKeyRef").isPresent()) {
        assertThat(standIns).as("a stand-in for " + name).containsKey(name);
        full.put(name, standIns.get(name));
      }
    }
    return full;
  }

  private static long option(String options, String prefix) {
    Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)([kmg])").matcher(options);
    assertThat(m.find()).as(prefix + " in " + options).isTrue();
    long value = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "k" -> value / 1024;
      case "g" -> value * 1024;
      default -> value;
    };
  }

  private static long mebibytes(String quantity) {
    Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
    assertThat(m.matches()).as(quantity).isTrue();
    return Long.parseLong(m.group(1)) * ("Gi".equals(m.group(2)) ? 1024 : 1);
  }
}
