package io.nectar.parsing.text;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hand-checked real bills in the shared data folder (never copied into the project). */
final class RealBills {
  private RealBills() {}

  static Path folder() {
    Path folder = Path.of("..", "..", "shared", "data", "bills");
    if (!Files.isDirectory(folder)) {
      folder = Path.of("/work/shared/data/bills");
    }
    assumeThat(folder).as("the real bills folder").isDirectory();
    return folder;
  }

  static List<Path> pdfs() throws IOException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
  }
}
