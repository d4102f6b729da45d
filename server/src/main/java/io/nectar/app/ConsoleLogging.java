package io.nectar.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The server's logging, set up in code: one line per event on stdout, at {@code NECTAR_LOG_LEVEL} (INFO
 * unless told), with the noisy libraries at WARN and PDFBox's font repairs at ERROR.
 *
 * <p>Logback finds this class through {@code META-INF/services}. Set up in code rather than from a
 * {@code logback.xml} because reading XML was half of logback's start: about 40 ms that every
 * {@code ./nectar parse} paid before its first bill. An operator's own file still wins: with
 * {@code -Dlogback.configurationFile=...} (or a {@code logback-test.xml}, as the tests have) this steps
 * aside and logback reads that file as usual.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%X{requestId:--}] %logger{20} - %msg%n";
  /** Libraries that log every start and request at INFO; their warnings still show. */
  private static final Map<String, Level> QUIETER = Map.of(
      "org.eclipse.jetty", Level.WARN,
      "io.javalin", Level.WARN,
      "org.flywaydb", Level.WARN,
      "com.zaxxer.hikari", Level.WARN,
      "io.zonky", Level.WARN,
      // Font substitutions and repairs of malformed files: the bill reader reports what matters itself.
      "org.apache.pdfbox", Level.ERROR,
      "org.apache.fontbox", Level.ERROR);

  /** Where a {@code logback-test.xml} would be found. */
  private final ClassLoader resources;

  public ConsoleLogging() {
    this(ConsoleLogging.class.getClassLoader());
  }

  ConsoleLogging(ClassLoader resources) {
    this.resources = resources;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null || resources.getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    setUp(context, System.getProperty("NECTAR_LOG_LEVEL", System.getenv("NECTAR_LOG_LEVEL")));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The console appender and the levels; {@code levelName} null or not a level means INFO. */
  static void setUp(LoggerContext context, String levelName) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(levelName, Level.INFO));
    root.addAppender(console);
    QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
  }
}
