package io.nectar.keys;

import java.util.List;

/** A change of some branding fields (PATCH): each is kept, reset to its default, or set. */
public record BrandingChange(Setting<String> name, Setting<String> colour, Setting<String> logoUrl,
    Setting<List<String>> frameAncestors) {

  /** What happens to one field. */
  public enum Action { KEEP, RESET, SET }

  /** One field's change; {@code value} only with {@link Action#SET}. */
  public record Setting<T>(Action action, T value) {
    public static <T> Setting<T> keep() {
      return new Setting<>(Action.KEEP, null);
    }

    public static <T> Setting<T> reset() {
      return new Setting<>(Action.RESET, null);
    }

    public static <T> Setting<T> set(T value) {
      return new Setting<>(Action.SET, value);
    }

    T apply(T current) {
      return switch (action) {
        case KEEP -> current;
        case RESET -> null;
        case SET -> value;
      };
    }
  }

  public static BrandingChange none() {
    return new BrandingChange(Setting.keep(), Setting.keep(), Setting.keep(), Setting.keep());
  }
}
