package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void withoutAConfigurationFileTheServerLogsOneLinePerEventOnTheConsole() {
    ExecutionStatus status = new ConsoleLogging(new URLClassLoader(new URL[0], null)).configure(context);

    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDOUT")).isInstanceOfSatisfying(ConsoleAppender.class, console -> {
      assertThat(console.isStarted()).isTrue();
      assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(ConsoleLogging.PATTERN)
          .contains("%X{requestId:--}");
    });
    assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font").getEffectiveLevel())
        .isEqualTo(Level.ERROR);
    assertThat(root.getLevel()).isEqualTo(Level.toLevel(System.getenv("NECTAR_LOG_LEVEL"), Level.INFO));
  }

  @Test
  void theLevelComesFromNectarLogLevelAndAnUnknownNameMeansInfo() {
    ConsoleLogging.setUp(context, "debug");
    assertThat(context.getLogger("io.nectar.jobs.JobRunner").getEffectiveLevel()).isEqualTo(Level.DEBUG);

    LoggerContext other = new LoggerContext();
    ConsoleLogging.setUp(other, "LOUD");
    assertThat(other.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void anOperatorsOwnFileOrTheTestsFileWins() {
    // The test classpath carries logback-test.xml, so logback goes on to read it.
    assertThat(new ConsoleLogging().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT")).isNull();

    String before = System.setProperty("logback.configurationFile", "/etc/nectar/logback.xml");
    try {
      assertThat(new ConsoleLogging(new URLClassLoader(new URL[0], null)).configure(context))
          .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    } finally {
      if (before == null) {
        System.clearProperty("logback.configurationFile");
      } else {
        System.setProperty("logback.configurationFile", before);
      }
    }
  }
}
