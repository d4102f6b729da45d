package io.nectar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileBlobStoreTest {
  private static final String KEY = "documents/0190c3a2-7b1e-7c4d-9a3f-1d2e3f4a5b6c/bill.pdf";
  private static final byte[] PDF = "%PDF-1.7 a bill".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path root;

  @Test
  void aStoredBlobComesBackWithItsBytesAndContentType() {
    FileBlobStore store = new FileBlobStore(root);

    store.put(KEY, PDF, "application/pdf");

    BlobStore.Blob blob = store.get(KEY).orElseThrow();
    assertThat(blob.bytes()).isEqualTo(PDF);
    assertThat(blob.contentType()).isEqualTo("application/pdf");
    assertThat(root.resolve(KEY)).hasBinaryContent(PDF);
  }

  @Test
  void theContentTypeIsKeptEvenWhenTheExtensionSaysOtherwise() {
    FileBlobStore store = new FileBlobStore(root);

    store.put("exports/report.bin", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8");

    assertThat(new FileBlobStore(root).get("exports/report.bin").orElseThrow().contentType())
        .isEqualTo("text/csv; charset=utf-8");
  }

  @Test
  void withoutAContentTypeItIsDerivedFromTheExtension() {
    FileBlobStore store = new FileBlobStore(root);

    store.put("a/scan.PNG", new byte[] {1}, null);
    store.put("a/unknown.xyz", new byte[] {2}, null);
    store.put("a/noextension", new byte[] {3}, null);

    assertThat(store.get("a/scan.PNG").orElseThrow().contentType()).isEqualTo("image/png");
    assertThat(store.get("a/unknown.xyz").orElseThrow().contentType()).isEqualTo("application/octet-stream");
    assertThat(store.get("a/noextension").orElseThrow().contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void aFileWithoutItsTypeSidecarIsServedWithTheTypeOfItsExtension() throws IOException {
    // What a crash between the two writes of a first put, or an operator copying a file in, leaves.
    Files.createDirectories(root.resolve("documents"));
    Files.write(root.resolve("documents/copied.pdf"), PDF);

    BlobStore.Blob blob = new FileBlobStore(root).get("documents/copied.pdf").orElseThrow();

    assertThat(blob.bytes()).isEqualTo(PDF);
    assertThat(blob.contentType()).isEqualTo("application/pdf");
  }

  @Test
  void puttingAgainReplacesTheBytesAndTheType() {
    FileBlobStore store = new FileBlobStore(root);
    store.put(KEY, PDF, "application/pdf");

    byte[] replacement = "second version".getBytes(StandardCharsets.UTF_8);
    store.put(KEY, replacement, "text/plain");

    BlobStore.Blob blob = store.get(KEY).orElseThrow();
    assertThat(blob.bytes()).isEqualTo(replacement);
    assertThat(blob.contentType()).isEqualTo("text/plain");
  }

  @Test
  void puttingIdenticalContentAgainLeavesTheFileUntouched() throws IOException {
    FileBlobStore store = new FileBlobStore(root);
    store.put(KEY, PDF, "application/pdf");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(root.resolve(KEY), old);

    store.put(KEY, PDF.clone(), "application/pdf");

    assertThat(Files.getLastModifiedTime(root.resolve(KEY))).isEqualTo(old);
    assertThat(store.get(KEY).orElseThrow().bytes()).isEqualTo(PDF);
  }

  @Test
  void anEmptyBlobIsABlob() {
    FileBlobStore store = new FileBlobStore(root);

    store.put("empty.txt", new byte[0], "text/plain");

    assertThat(store.get("empty.txt").orElseThrow().bytes()).isEmpty();
  }

  @Test
  void deletingRemovesTheBlobAndSaysWhetherThereWasOne() {
    FileBlobStore store = new FileBlobStore(root);
    store.put(KEY, PDF, "application/pdf");

    assertThat(store.delete(KEY)).isTrue();
    assertThat(store.get(KEY)).isEmpty();
    assertThat(store.delete(KEY)).isFalse();
    assertThat(store.delete("never/stored.pdf")).isFalse();
    assertThat(filesUnder(root)).isEmpty();
  }

  @Test
  void deletingTheLastBlobOfAFolderRemovesTheFoldersItEmptiedAndNoOther() {
    FileBlobStore store = new FileBlobStore(root);
    store.put("connections/x/bills/a.pdf", PDF, null);
    store.put("connections/x/bills/b.pdf", PDF, null);
    store.put("connections/y/bills/c.pdf", PDF, null);

    store.delete("connections/x/bills/a.pdf");
    assertThat(root.resolve("connections/x/bills")).isDirectory();

    store.delete("connections/x/bills/b.pdf");
    assertThat(root.resolve("connections/x")).doesNotExist();
    assertThat(root.resolve("connections/y/bills/c.pdf")).hasBinaryContent(PDF);

    store.delete("connections/y/bills/c.pdf");
    assertThat(root).isEmptyDirectory();
  }

  @Test
  void aBlobIsStoredAgainInAFolderThatADeletionRemoved() {
    FileBlobStore store = new FileBlobStore(root);
    store.put(KEY, PDF, "application/pdf");
    store.delete(KEY);

    store.put(KEY, PDF, "application/pdf");

    assertThat(store.get(KEY).orElseThrow().bytes()).isEqualTo(PDF);
  }

  @Test
  void aMissingBlobIsEmpty() {
    FileBlobStore store = new FileBlobStore(root);
    store.put(KEY, PDF, "application/pdf");

    assertThat(store.get("documents/other.pdf")).isEmpty();
    // A folder on the way to a blob is not a blob, and a blob is not a folder.
    assertThat(store.get("documents")).isEmpty();
    assertThat(store.delete("documents")).isFalse();
    assertThat(store.get(KEY + "/inside")).isEmpty();
  }

  @Test
  void noTemporaryFilesAreLeftBehind() throws IOException {
    FileBlobStore store = new FileBlobStore(root);
    for (int i = 0; i < 5; i++) {
      store.put(KEY, ("version " + i).getBytes(StandardCharsets.UTF_8), "text/plain");
      store.put("other/" + i + ".pdf", PDF, null);
    }

    assertThat(filesUnder(root)).allSatisfy(file -> assertThat(file.toString()).doesNotEndWith(".tmp"));
    assertThat(filesUnder(root)).hasSize(12); // 6 blobs, each with its type sidecar
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFileAndTheOldBlobIntact() throws IOException {
    FileBlobStore store = new FileBlobStore(root);
    store.put("a/b.pdf", PDF, "application/pdf");
    // A folder where the file should go: the final rename fails after the temporary file was written.
    Files.createDirectories(root.resolve("a/c.pdf/occupied"));

    assertThatThrownBy(() -> store.put("a/c.pdf", PDF, "application/pdf"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("a/c.pdf");

    assertThat(filesUnder(root)).noneMatch(file -> file.toString().endsWith(".tmp"));
    assertThat(store.get("a/b.pdf").orElseThrow().bytes()).isEqualTo(PDF);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/etc/passwd", "../secret.key", "documents/../../secret.key", "a/..", "..",
      "a/./b", ".", "a//b", "a/", "a\\b", "..\\secret.key", "a/b c.pdf", "a/b%2F..", "a/~type", "bill.pdf~type",
      "a/b:c", "a/é.pdf", "a/\u0000.pdf", "a/b\n.pdf", "C:/Windows"})
  void anInvalidKeyIsRefused(String key) {
    FileBlobStore store = new FileBlobStore(root);

    assertThatThrownBy(() -> store.put(key, PDF, "application/pdf")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
    assertThat(filesUnder(root)).isEmpty();
  }

  @Test
  void nullAndOverlongKeysAreRefused() {
    FileBlobStore store = new FileBlobStore(root);

    assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get("a/".repeat(300) + "b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysMadeOfTheAllowedCharactersAreAccepted() {
    FileBlobStore store = new FileBlobStore(root);

    for (String key : List.of("a", "A-Z_a-z.0-9", "documents/0190c3a2/bill.v2.pdf", ".hidden", "b/..c/d..")) {
      store.put(key, PDF, null);
      assertThat(store.get(key)).as(key).isPresent();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html\r\nSet-Cookie: a=b", "", "pdf", "application/pdf\n", "a/b; c"})
  void aContentTypeThatIsNotAMediaTypeIsRefused(String contentType) {
    FileBlobStore store = new FileBlobStore(root);

    assertThatThrownBy(() -> store.put(KEY, PDF, contentType)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.get(KEY)).isEmpty();
  }

  @Test
  void aBlobDescribesItselfWithoutItsContents() {
    BlobStore.Blob blob = new BlobStore.Blob("account 123, password hunter2".getBytes(StandardCharsets.UTF_8),
        "text/plain");

    assertThat(blob.toString()).isEqualTo("Blob[29 bytes, text/plain]").doesNotContain("hunter2");
  }

  private static List<Path> filesUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
