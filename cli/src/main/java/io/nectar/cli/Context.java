package io.nectar.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a command reaches outside itself: the environment variables, stdout and stderr, whether
 * stderr is a terminal, the clock and how to pause between polls. The real process gives the real ones;
 * tests give their own, so no test sleeps or depends on the machine's environment.
 */
public final class Context {
  /** Whether progress may redraw a bar in place (stderr is a terminal) or must print plain lines. */
  public enum Stderr { TERMINAL, PLAIN }

  /** Waits between two polls of a job; tests pass one that returns at once. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final Map<String, String> environment;
  private final OutputStream stdout;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Stderr stderr;
  private final Clock clock;
  private final Pause pause;
  private final Stop stop;

  private Context(Builder b) {
    this.environment = Map.copyOf(b.environment);
    this.stdout = Objects.requireNonNull(b.stdout, "stdout");
    this.out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
    this.err = Objects.requireNonNull(b.err, "err");
    this.stderr = b.stderr;
    this.clock = b.clock;
    this.pause = b.pause;
    this.stop = b.stop;
  }

  /** The running process: its environment, System.out and System.err, stderr's kind as the launcher saw it. */
  static Context system() {
    boolean terminal = Boolean.getBoolean("nectar.stderr.terminal");
    return builder()
        .environment(System.getenv())
        .stdout(new java.io.FileOutputStream(java.io.FileDescriptor.out))
        .err(new PrintWriter(new PrintStream(System.err, true, StandardCharsets.UTF_8), true))
        .stderr(terminal ? Stderr.TERMINAL : Stderr.PLAIN)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An environment variable, or null when unset or empty. */
  public String env(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** Text output (tables, JSON, CSV), UTF-8, flushed when the command ends. */
  public PrintWriter out() {
    return out;
  }

  /** Messages and progress. */
  public PrintWriter err() {
    return err;
  }

  public Stderr stderr() {
    return stderr;
  }

  public Clock clock() {
    return clock;
  }

  public Pause pause() {
    return pause;
  }

  /** Ends long-running commands (webhook listen): Ctrl-C in a real process, the test in a test. */
  public Stop stop() {
    return stop;
  }

  /** The folder where `upload` remembers what it sent: NECTAR_STATE_DIR, else XDG_STATE_HOME/nectar. */
  public Path defaultStateDir() {
    String explicit = env("NECTAR_STATE_DIR");
    if (explicit != null) {
      return Path.of(explicit);
    }
    String xdg = env("XDG_STATE_HOME");
    Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("nectar");
  }

  /** Builds a context; every part has the real process's default except stdout and err. */
  public static final class Builder {
    private Map<String, String> environment = Map.of();
    private OutputStream stdout;
    private PrintWriter err;
    private Stderr stderr = Stderr.PLAIN;
    private Clock clock = Clock.systemUTC();
    private Pause pause = d -> Thread.sleep(d.toMillis());
    private Stop stop = new Stop();

    public Builder environment(Map<String, String> environment) {
      this.environment = environment;
      return this;
    }

    public Builder stdout(OutputStream stdout) {
      this.stdout = stdout;
      return this;
    }

    public Builder err(PrintWriter err) {
      this.err = err;
      return this;
    }

    public Builder stderr(Stderr stderr) {
      this.stderr = stderr;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder pause(Pause pause) {
      this.pause = pause;
      return this;
    }

    public Builder stop(Stop stop) {
      this.stop = stop;
      return this;
    }

    public Context build() {
      return new Context(this);
    }
  }
}
