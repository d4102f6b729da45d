package io.nectar.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the {@code nectar} command line in this JVM: its exit code, what it printed and its errors. */
record CommandRun(int code, String out, String err) {

  /** Runs {@code args}; the commands print to {@code System.out}, so it is captured for the run. */
  static CommandRun of(String... args) {
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(args);
      return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(originalOut);
    }
  }
}
