package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BillFolderTest {
  @TempDir
  Path folder;

  @Test
  void pdfPngAndJpegFilesOfAnyCaseAreBillsInSubfoldersTooAndNothingElseIs() throws Exception {
    write("a.pdf");
    write("B.PDF");
    write("c.Png");
    write("d.jpg");
    write("e.JPEG");
    write("2024/march/f.pdf");
    write("notes.txt");
    write("pdf");
    write("archive.pdf.zip");
    write(".hidden.pdf");
    write(".cache/g.pdf");

    assertThat(BillFolder.list(folder)).extracting(BillFolder.BillFile::name)
        .containsExactly("2024/march/f.pdf", "B.PDF", "a.pdf", "c.Png", "d.jpg", "e.JPEG");
  }

  @Test
  void aFileIsKnownByTheHashOfItsBytesNotItsName() throws Exception {
    write("one.pdf", "same bytes");
    write("two.pdf", "same bytes");
    write("three.pdf", "other bytes");

    var files = BillFolder.list(folder);
    assertThat(files.get(0).sha256()).isEqualTo(files.get(2).sha256()).isNotEqualTo(files.get(1).sha256());
    // sha256("same bytes"), computed independently.
    assertThat(files.get(0).sha256()).isEqualTo("58100dc8fc06562ce3e578231dc948e083520ee49c4b4ee5a5a28bb4b4003feb");
  }

  @Test
  void aMissingFolderIsAUsageError() {
    assertThatThrownBy(() -> BillFolder.list(folder.resolve("nope"))).isInstanceOf(UsageException.class)
        .hasMessageContaining("not a folder");
  }

  private void write(String name) throws Exception {
    write(name, name);
  }

  private void write(String name, String content) throws Exception {
    Path path = folder.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }
}
