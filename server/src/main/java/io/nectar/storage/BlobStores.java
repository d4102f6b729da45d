package io.nectar.storage;

import io.nectar.config.BlobSettings;
import java.nio.file.Path;

/** Opens the store {@link BlobSettings} names; nothing here makes a request ({@link BlobStore#check} does). */
public final class BlobStores {
  private BlobStores() {}

  /**
   * The store for {@code settings}: a folder (by default {@code dataDir/blobs}) or an S3 bucket.
   *
   * @throws BlobStoreUnavailable if the store cannot even be set up (a folder that cannot be made, no
   *     region for S3), naming the setting
   */
  public static BlobStore open(BlobSettings settings, Path dataDir) {
    if (settings instanceof BlobSettings.S3 s3) {
      return S3BlobStore.open(s3);
    }
    return localFolder((BlobSettings.LocalFolder) settings, dataDir);
  }

  private static BlobStore localFolder(BlobSettings.LocalFolder folder, Path dataDir) {
    Path root = folder.resolve(dataDir);
    try {
      return new FileBlobStore(root, folder.setting());
    } catch (java.io.UncheckedIOException e) {
      throw new BlobStoreUnavailable(folder.setting(), "could not create the folder " + root
          + " for stored files (" + e.getCause().getMessage() + ")", e);
    }
  }

  /** Where files are stored, in words for the banner and logs. */
  public static String describe(BlobSettings settings, Path dataDir) {
    if (settings instanceof BlobSettings.S3 s3) {
      return s3.toString();
    }
    return ((BlobSettings.LocalFolder) settings).resolve(dataDir).toString();
  }
}
