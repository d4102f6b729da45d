package io.nectar.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Blobs as plain files under a root folder ({@code <data dir>/blobs}): the key is the relative path,
 * so an operator can find a bill with {@code ls}. The content type lives in a small sidecar file
 * beside it ({@code bill.pdf~type}).
 *
 * <p>Every write goes to a temporary file in the same folder, is flushed to disk, and is then renamed
 * over the target with {@code ATOMIC_MOVE}: a crash leaves the old file or the new one, never half of
 * one. Temporary files and sidecars carry a {@code ~}, which no key may contain, so they can never be
 * mistaken for, or collide with, a blob.
 *
 * <p>Folders exist only for the blobs in them: {@link #delete} removes a folder it leaves empty, and a
 * put that finds its folder removed under it makes it again.
 *
 * <p>The sidecar is written before the file: the file's existence is what makes a blob exist, and by
 * then its type is already on disk. A file without a sidecar (a crash between the two writes on a
 * first put, or a file an operator copied in) is served with the type its extension implies.
 */
public final class FileBlobStore implements BlobStore {
  private static final String TYPE_SUFFIX = "~type";

  private final Path root;
  private final String setting;

  /** A store under {@code root}, created if missing. */
  public FileBlobStore(Path root) {
    this(root, "NECTAR_DATA_DIR");
  }

  /**
   * A store under {@code root}, created if missing.
   *
   * @param setting the setting that chose the folder, named when {@link #check} finds it unusable
   */
  public FileBlobStore(Path root, String setting) {
    this.root = root.toAbsolutePath().normalize();
    this.setting = setting;
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the blob folder " + this.root, e);
    }
  }

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    Objects.requireNonNull(bytes, "bytes");
    Path file = pathOf(key);
    String type = BlobKey.contentType(key, contentType);
    try {
      if (alreadyStored(file, bytes, type)) {
        return;
      }
      for (int attempt = 1; ; attempt++) {
        try {
          Files.createDirectories(file.getParent());
          writeAtomically(sidecarOf(file), type.getBytes(StandardCharsets.UTF_8));
          writeAtomically(file, bytes);
          break;
        } catch (NoSuchFileException e) {
          // A delete of the folder's last blob removed the folder between our createDirectories and
          // the write: make it again. Once a temporary file is in it, no delete can remove it.
          if (attempt == 3) {
            throw e;
          }
        }
      }
      syncFolder(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store blob " + key, e);
    }
  }

  @Override
  public Optional<Blob> get(String key) {
    Path file = pathOf(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      return Optional.of(new Blob(bytes, storedType(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty(); // deleted between the check and the read
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read blob " + key, e);
    }
  }

  @Override
  public Optional<Blob> get(String key, long first, long last) {
    checkRange(first, last);
    Path file = pathOf(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long end = Math.min(last, size - 1);
      // The rename that replaces a blob swaps the whole file, so an open channel reads one version only.
      ByteBuffer buffer = ByteBuffer.allocate(first >= size ? 0 : Math.toIntExact(end - first + 1));
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, first + buffer.position()) < 0) {
          break;
        }
      }
      return Optional.of(new Blob(Arrays.copyOf(buffer.array(), buffer.position()), storedType(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read blob " + key, e);
    }
  }

  @Override
  public Optional<BlobInfo> head(String key) {
    Path file = pathOf(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      MessageDigest sha256 = Sha256.digest();
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      long size = 0;
      for (int n; (n = channel.read(buffer)) >= 0; buffer.clear()) {
        buffer.flip();
        sha256.update(buffer);
        size += n;
      }
      return Optional.of(new BlobInfo(size, storedType(file), Sha256.hex(sha256.digest())));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read blob " + key, e);
    }
  }

  /**
   * Walks the folders depth first, each folder's entries sorted with a folder's name read as
   * {@code name/}: that is the order of the full keys, since every key under a folder starts with its
   * name and a '/'. Only one folder's listing per level is held at a time.
   */
  @Override
  public void forEachKey(String prefix, Consumer<String> action) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(action, "action");
    try {
      visit(root, "", prefix, action);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the blob folder " + root, e);
    }
  }

  private void visit(Path folder, String folderKey, String prefix, Consumer<String> action) throws IOException {
    List<String[]> entries = new ArrayList<>(); // {name as sorted, key}
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (name.indexOf('~') >= 0) {
          continue; // a sidecar or a write in progress, never a blob
        }
        boolean isFolder = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
        entries.add(new String[] {isFolder ? name + "/" : name, folderKey + name});
      }
    } catch (NoSuchFileException e) {
      return; // a concurrent delete removed the folder it emptied
    }
    entries.sort(Comparator.comparing(entry -> entry[0]));
    for (String[] entry : entries) {
      String key = entry[1];
      if (entry[0].endsWith("/")) {
        String below = key + "/";
        // Only folders whose keys can start with the prefix: those inside it, or on the way to it.
        if (below.startsWith(prefix) || prefix.startsWith(below)) {
          visit(root.resolve(key), below, prefix, action);
        }
      } else if (key.startsWith(prefix) && BlobKey.isValid(key)) {
        action.accept(key);
      }
    }
  }

  /** Served by the server through signed {@code /files/} links. */
  @Override
  public Optional<String> presignedGet(String key, Duration validFor) {
    BlobKey.validate(key);
    return Optional.empty();
  }

  /** Writes and removes a small file: a folder that exists but is read-only fails the first upload. */
  @Override
  public void check() {
    Path probe = root.resolve("~check-" + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(root);
      Files.write(probe, new byte[] {1}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new BlobStoreUnavailable(setting, "the folder " + root + " for stored files is not writable ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException ignored) {
        // the failure above is the one to report
      }
    }
  }

  static void checkRange(long first, long last) {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("A byte range needs 0 <= first <= last, got " + first + "-" + last + ".");
    }
  }

  @Override
  public boolean delete(String key) {
    Path file = pathOf(key);
    if (!Files.isRegularFile(file)) {
      return false; // a folder that happens to be a key prefix is not a blob
    }
    try {
      boolean deleted = Files.deleteIfExists(file);
      // After the file: once it is gone the blob is gone, and a leftover sidecar is harmless.
      Files.deleteIfExists(sidecarOf(file));
      removeEmptyFolders(file.getParent());
      return deleted;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete blob " + key, e);
    }
  }

  @Override
  public String toString() {
    return "FileBlobStore[" + root + "]";
  }

  private Path pathOf(String key) {
    BlobKey.validate(key);
    Path path = root.resolve(key).normalize();
    // The key rules already forbid escaping the root; this keeps it so if they are ever loosened.
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("A blob key must name a file inside the store.");
    }
    return path;
  }

  /**
   * Removes {@code folder} and then each parent up to the root while they are empty: keys name no
   * folders (an object store has none), so a deleted company leaves no empty tree of them behind.
   */
  private void removeEmptyFolders(Path folder) {
    for (Path f = folder; f != null && f.startsWith(root) && !f.equals(root); f = f.getParent()) {
      try {
        Files.delete(f); // only ever an empty folder: the file system refuses any other
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return; // another blob lives here, or a concurrent delete got there first
      } catch (IOException e) {
        return; // tidying only: the blob itself is already gone
      }
    }
  }

  private static Path sidecarOf(Path file) {
    return file.resolveSibling(file.getFileName() + TYPE_SUFFIX);
  }

  /** True when the same bytes with the same type are already there: a retried put changes nothing. */
  private static boolean alreadyStored(Path file, byte[] bytes, String type) throws IOException {
    try {
      return Files.isRegularFile(file)
          && Files.size(file) == bytes.length
          && storedType(file).equals(type)
          && Arrays.equals(Files.readAllBytes(file), bytes);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static String storedType(Path file) throws IOException {
    String name = file.getFileName().toString();
    String derived = BlobKey.contentTypeOf(name);
    try {
      String stored = Files.readString(sidecarOf(file), StandardCharsets.UTF_8).trim();
      return stored.isEmpty() ? derived : BlobKey.contentType(name, stored);
    } catch (NoSuchFileException e) {
      return derived;
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      return derived; // a sidecar edited by hand into something that is not a media type
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + "~" + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        // The bytes must be on disk before the name points at them, or a power cut after the rename
        // can leave an empty file under the new name.
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      try {
        Files.deleteIfExists(temp); // only still there if something above failed
      } catch (IOException ignored) {
        // the original failure is the one worth reporting
      }
    }
  }

  /** Makes the renames themselves durable; not every platform can open a folder, hence best effort. */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // Windows refuses to open a directory; its renames are journaled anyway.
    }
  }
}
