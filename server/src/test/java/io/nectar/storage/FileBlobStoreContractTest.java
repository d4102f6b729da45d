package io.nectar.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the folder store, plus what only a folder does. */
class FileBlobStoreContractTest extends BlobStoreContract {
  @TempDir
  Path dir;

  @Override
  protected BlobStore newStore() {
    return new FileBlobStore(dir.resolve("blobs"));
  }

  /** A plain file where the folder should be: nothing can be written there. */
  @Override
  protected BlobStore unusableStore() throws Exception {
    Path root = dir.resolve("blocked");
    BlobStore blocked = new FileBlobStore(root, "NECTAR_BLOB_URL");
    Files.delete(root);
    Files.writeString(root, "not a folder");
    return blocked;
  }

  @Override
  protected String settingOfUnusableStore() {
    return "NECTAR_BLOB_URL";
  }

  @Test
  void filesAreServedByTheServerSoThereIsNoPresignedUrl() {
    store.put("a/b.pdf", bytes("x"), null);

    assertThat(store.presignedGet("a/b.pdf", Duration.ofHours(24))).isEmpty();
  }

  @Test
  void filesCopiedInByHandAreListedButHelperFilesAndOddNamesAreNot() throws Exception {
    store.put("a/b.pdf", bytes("x"), null);
    Files.writeString(dir.resolve("blobs/a/copied.pdf"), "by hand");
    Files.writeString(dir.resolve("blobs/a/with space.pdf"), "not a key");

    assertThat(keysUnder("")).containsExactly("a/b.pdf", "a/copied.pdf");
  }

  @Test
  void aCheckLeavesNothingBehind() throws Exception {
    store.check();

    try (var files = Files.list(dir.resolve("blobs"))) {
      assertThat(files).isEmpty();
    }
  }
}
