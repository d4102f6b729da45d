package io.nectar.parsing;

import java.time.Duration;

/**
 * What one file may cost: bytes, pages, pixels per image (after decoding) and wall time.
 *
 * @param ocrThreads how many OCR processes run at once across the whole server
 */
public record ParseLimits(long maxBytes, int maxPages, long maxPixels, Duration perFile, int ocrThreads) {
  /** Nectar's own limits (25 MB, 150 pages); 50 megapixels covers a 600-dpi letter page. */
  public static ParseLimits defaults() {
    return new ParseLimits(25L * 1024 * 1024, 150, 50_000_000L, Duration.ofMinutes(5),
        Math.max(1, Runtime.getRuntime().availableProcessors()));
  }
}
