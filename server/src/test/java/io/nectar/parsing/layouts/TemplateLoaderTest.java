package io.nectar.parsing.layouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLoaderTest {
  @Test
  void shippedTemplatesLoadFromTheClasspath() {
    Map<String, Template> templates = TemplateLoader.load(null);
    assertThat(templates).containsKeys("sandbox-electricity", "sandbox-gas", "sandbox-water", "sandbox-solar",
        "sandbox-fuel", "keller-water");
    assertThat(templates.get("keller-water").datasourceType()).isEqualTo("WATER");
  }

  @Test
  void anOperatorFileReplacesTheShippedOneWithTheSameId(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mine.yaml"), """
        id: keller-water
        utility: Keller (operator's)
        datasourceType: WATER
        identify: {all: ["keller"]}
        """);
    Files.writeString(dir.resolve("new.yml"), """
        id: brand-new
        datasourceType: GAS
        identify: {any: ["brand new gas"]}
        """);
    Map<String, Template> templates = TemplateLoader.load(dir);
    assertThat(templates.get("keller-water").utility()).isEqualTo("Keller (operator's)");
    assertThat(templates).containsKey("brand-new").containsKey("sandbox-gas");
    // The shipped templates are read once and shared: an operator's folder never changes them.
    assertThat(TemplateLoader.shipped()).isSameAs(TemplateLoader.shipped()).doesNotContainKey("brand-new");
    assertThat(TemplateLoader.shipped().get("keller-water").utility()).isNotEqualTo("Keller (operator's)");
    assertThat(TemplateLoader.load(null).get("keller-water")).isSameAs(TemplateLoader.shipped().get("keller-water"));
  }

  @Test
  void aBrokenFileIsNamedWithItsLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("broken.yaml"), """
        id: broken
        datasourceType: GAS
        identify: {all: ["x"]}
        fields:
          dueDate:
            - pattern: 'Due (?<value>[0-9'
        """);
    assertThatThrownBy(() -> TemplateLoader.load(dir)).isInstanceOf(BrokenTemplate.class)
        .hasMessageContaining("broken.yaml").hasMessageContaining("line 6").hasMessageContaining("Unclosed");
    Files.writeString(dir.resolve("broken.yaml"), """
        id: broken
        datasourceType: GAS
        identify: {all: ["x"]}
        feilds: {}
        """);
    assertThatThrownBy(() -> TemplateLoader.load(dir)).isInstanceOf(BrokenTemplate.class)
        .hasMessageMatching(".*broken.yaml line [45]: .*feilds.*");
  }
}
