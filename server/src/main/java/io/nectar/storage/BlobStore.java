package io.nectar.storage;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where raw files (uploaded bills, documents fetched from utilities) live, by key. Keys are
 * slash-separated relative names such as {@code documents/<uuid>/bill.pdf}; see {@link BlobKey} for
 * the exact rules, which every implementation enforces the same way so that a key valid on the
 * file system is valid on an S3-compatible store and back. For the same reason no key may also be
 * the folder of another ({@code a/b} and {@code a/b/c}): an object store allows it, a file system
 * does not, so the file store fails such a put.
 */
public interface BlobStore {

  /**
   * Stores {@code bytes} under {@code key}, replacing what was there. Readers see either the old
   * blob or the new one, never a part of either. Storing identical content again is a no-op.
   *
   * @param contentType the media type to serve it with, or null to derive it from the extension
   * @throws IllegalArgumentException if the key or content type is invalid
   */
  void put(String key, byte[] bytes, String contentType);

  /** The blob under {@code key}, or empty if there is none. */
  Optional<Blob> get(String key);

  /**
   * Bytes {@code first} to {@code last} (inclusive) of the blob under {@code key}, clipped to its size:
   * a range that starts past the end gives no bytes. Empty if there is no blob.
   *
   * @throws IllegalArgumentException if {@code first < 0} or {@code last < first}
   */
  Optional<Blob> get(String key, long first, long last);

  /** Removes the blob under {@code key}; false if there was none. */
  boolean delete(String key);

  /** Size, media type and SHA-256 (lowercase hex) of the blob, or empty if there is none. */
  Optional<BlobInfo> head(String key);

  /**
   * Every key that starts with {@code prefix} ({@code ""} for all), in ascending order; streams, never
   * loads all at once.
   */
  void forEachKey(String prefix, Consumer<String> action);

  /**
   * A URL that fetches the blob straight from the store, valid for {@code validFor}; empty when this
   * store's files are served by the server itself ({@code /files/} signed links).
   */
  Optional<String> presignedGet(String key, Duration validFor);

  /**
   * One cheap round trip proving the store is usable; throws {@link BlobStoreUnavailable} (naming the
   * setting, e.g. {@code NECTAR_BLOB_URL: bucket 'x' does not exist}) when it is not.
   */
  void check();

  /** What {@link #head} tells without fetching the bytes. */
  record BlobInfo(long size, String contentType, String sha256) {}

  /** A stored file and the media type it is served with. */
  record Blob(byte[] bytes, String contentType) {
    /** Names the size, not the contents: blobs are customers' bills. */
    @Override
    public String toString() {
      return "Blob[" + bytes.length + " bytes, " + contentType + "]";
    }
  }
}
