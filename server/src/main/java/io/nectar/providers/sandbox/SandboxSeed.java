package io.nectar.providers.sandbox;

import io.nectar.meters.DatasourceType;
import java.time.YearMonth;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Random streams derived only from what identifies a figure: the connection, the site's position,
 * the utility type and the month. A month's bill therefore never depends on which other months were
 * generated with it, so {@code collect} and {@code billsFor} agree and re-collection is stable.
 * String and UUID hashing here are specified by the JDK, so the figures are the same on every JVM.
 */
final class SandboxSeed {
  /** Stands in for "no month" when a stream seeds per-account constants such as numbers and sizes. */
  private static final long ACCOUNT_CONSTANTS = -1L;

  private SandboxSeed() {}

  /** Constants of a site shared by all its utilities: its size and address. */
  static SplittableRandom forSite(UUID connectionId, int siteIndex) {
    return new SplittableRandom(mix(connectionId, siteIndex, "SITE", ACCOUNT_CONSTANTS));
  }

  /** Constants of one account: its numbers and the size of its equipment. */
  static SplittableRandom forAccount(UUID connectionId, int siteIndex, DatasourceType type) {
    return new SplittableRandom(mix(connectionId, siteIndex, type.name(), ACCOUNT_CONSTANTS));
  }

  static SplittableRandom forMonth(UUID connectionId, int siteIndex, DatasourceType type, YearMonth month) {
    long monthNumber = month.getYear() * 12L + month.getMonthValue();
    return new SplittableRandom(mix(connectionId, siteIndex, type.name(), monthNumber));
  }

  // The type's name, not its ordinal: adding an enum value must not reshuffle existing sandboxes.
  private static long mix(UUID connectionId, int siteIndex, String tag, long month) {
    long h = splitMix(connectionId.getMostSignificantBits());
    h = splitMix(h ^ connectionId.getLeastSignificantBits());
    h = splitMix(h ^ siteIndex);
    h = splitMix(h ^ tag.hashCode());
    return splitMix(h ^ month);
  }

  /** The SplitMix64 finaliser: neighbouring inputs (month 5 and 6) give unrelated seeds. */
  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
