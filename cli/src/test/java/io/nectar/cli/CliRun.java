package io.nectar.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One run of {@code nectar api} in this JVM: its exit code, stdout and stderr. No real pause is ever taken. */
record CliRun(int code, String out, String err) {

  static CliRun of(Map<String, String> environment, String... args) {
    return of(Context.builder().environment(environment), args);
  }

  static CliRun of(Context.Builder context, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = NectarCli.run(context.stdout(out).err(new PrintWriter(err, true)).pause(d -> { }).build(), args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  /** The environment of a user who set NECTAR_URL and NECTAR_API_KEY. */
  static Map<String, String> env(String url, String key) {
    Map<String, String> env = new HashMap<>();
    env.put("NECTAR_URL", url);
    env.put("NECTAR_API_KEY", key);
    return env;
  }
}
