package io.nectar.parsing.text;

import io.nectar.parsing.Deadline;
import io.nectar.parsing.Page;
import io.nectar.parsing.UnreadableFile;
import java.awt.image.BufferedImage;
import java.util.concurrent.Future;

/** Reads pictures of pages, several at a time if it can; the caller waits on the results in page order. */
interface PageOcr {
  /**
   * Starts reading one page's picture. May block until a reader is free, so that a long file never
   * holds more rendered pages in memory than there are readers.
   */
  Future<Page> submit(BufferedImage image, int number, float widthPoints, float heightPoints, Deadline deadline)
      throws UnreadableFile;
}
