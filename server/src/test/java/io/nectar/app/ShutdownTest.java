package io.nectar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownTest {
  private final List<String> closed = new ArrayList<>();

  @Test
  void closesNewestFirst() throws IOException {
    Shutdown shutdown = new Shutdown();
    shutdown.add(() -> closed.add("database"));
    shutdown.add(() -> closed.add("worker"));
    shutdown.add(() -> closed.add("http"));

    shutdown.close();

    assertThat(closed).containsExactly("http", "worker", "database");
  }

  @Test
  void aFailingCloseStopsNothingElseAndEveryFailureIsReported() {
    Shutdown shutdown = new Shutdown();
    shutdown.add(() -> closed.add("database"));
    shutdown.add(() -> {
      throw new IllegalStateException("worker stuck");
    });
    shutdown.add(() -> {
      throw new IOException("port busy");
    });

    assertThatThrownBy(shutdown::close)
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("port busy", "worker stuck"));
    assertThat(closed).containsExactly("database");
  }

  @Test
  void closingAfterAFailedStartAttachesCloseFailuresToTheCause() {
    Shutdown shutdown = new Shutdown();
    shutdown.add(() -> {
      throw new IllegalStateException("database would not stop");
    });
    RuntimeException cause = new RuntimeException("could not bind");

    shutdown.closeAfter(cause);

    assertThat(cause.getSuppressed()).hasSize(1);
    assertThat(cause.getSuppressed()[0].getSuppressed()[0]).hasMessage("database would not stop");
  }

  @Test
  void anInterruptedCloseKeepsTheInterruptAndTheRestStillClose() {
    Shutdown shutdown = new Shutdown();
    shutdown.add(() -> closed.add("database"));
    shutdown.add(() -> {
      throw new InterruptedException();
    });
    try {
      assertThatThrownBy(shutdown::close).isInstanceOf(IOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(closed).containsExactly("database");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void closingTwiceClosesOnce() throws IOException {
    Shutdown shutdown = new Shutdown();
    shutdown.add(() -> closed.add("http"));
    shutdown.close();
    shutdown.close();
    assertThat(closed).containsExactly("http");
  }
}
