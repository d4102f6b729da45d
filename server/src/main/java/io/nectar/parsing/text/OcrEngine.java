package io.nectar.parsing.text;

import io.nectar.parsing.Deadline;
import io.nectar.parsing.Page;
import io.nectar.parsing.UnreadableFile;
import java.awt.image.BufferedImage;
import java.util.Optional;

/** Reads the words in a picture of a page. One engine serves the whole server and may be called from many threads. */
public interface OcrEngine {
  /**
   * The page's words with positions scaled to points.
   *
   * @throws UnreadableFile {@code TIMED_OUT} when the deadline passes, {@code OCR_UNAVAILABLE} when the
   *     engine is missing or breaks
   */
  Page recognise(BufferedImage image, int pageNumber, float widthPoints, float heightPoints, Deadline deadline)
      throws UnreadableFile;

  /** The engine's version when it can run, empty when it cannot (for a warning at startup). */
  Optional<String> version();

  default boolean available() {
    return version().isPresent();
  }
}
