package io.nectar.deploy;

import io.nectar.config.Config;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which settings the server really reads from a given environment: {@link Config#from} is handed the
 * environment in a map that notes every name asked for. A deployment file naming a variable the
 * server never asks for (a typo, a setting that was renamed) is a setting silently ignored.
 */
final class ConfigReads {
  private ConfigReads() {}

  /** The names {@code Config} asked for while it read {@code environment} (which it must accept). */
  static Set<String> namesReadFrom(Map<String, String> environment) {
    Recording settings = new Recording(environment);
    Config.from(settings);
    return settings.asked;
  }

  private static final class Recording extends HashMap<String, String> {
    private final Set<String> asked = new TreeSet<>();

    Recording(Map<String, String> environment) {
      super(environment);
    }

    @Override
    public String get(Object key) {
      asked.add(String.valueOf(key));
      return super.get(key);
    }

    @Override
    public String getOrDefault(Object key, String fallback) {
      asked.add(String.valueOf(key));
      return super.getOrDefault(key, fallback);
    }

    @Override
    public boolean containsKey(Object key) {
      asked.add(String.valueOf(key));
      return super.containsKey(key);
    }
  }
}
