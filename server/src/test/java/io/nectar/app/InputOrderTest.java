package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InputOrderTest {
  @Test
  void filesAreReadTogetherAndReportedInTheOrderGiven() throws Exception {
    List<Path> files = List.of(Path.of("a.pdf"), Path.of("b.pdf"), Path.of("c.pdf"));
    CountDownLatch lastRead = new CountDownLatch(1);
    List<String> used = new ArrayList<>();
    // The first file finishes only once the last one has been read: that needs a second reader, and
    // handing outcomes on as they finish would put it last.
    InputOrder.readAll(files, 2, file -> {
      if (file.equals(files.get(0))) {
        try {
          assertThat(lastRead.await(30, TimeUnit.SECONDS)).as("the last file was read meanwhile").isTrue();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
      }
      if (file.equals(files.get(2))) {
        lastRead.countDown();
      }
      return "read " + file;
    }, (file, outcome) -> used.add(file + " -> " + outcome));

    assertThat(used).containsExactly("a.pdf -> read a.pdf", "b.pdf -> read b.pdf", "c.pdf -> read c.pdf");
  }

  @Test
  void oneReaderReadsThemOneAfterAnother() throws Exception {
    List<Path> files = List.of(Path.of("a.pdf"), Path.of("b.pdf"));
    List<String> read = new ArrayList<>();
    InputOrder.readAll(files, 1, file -> {
      synchronized (read) {
        read.add(file.toString());
      }
      return file;
    }, (file, outcome) -> { });
    assertThat(read).containsExactly("a.pdf", "b.pdf");
  }
}
