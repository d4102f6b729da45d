package io.nectar.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The bill files of a folder, subfolders included: every regular file whose name ends in .pdf, .png,
 * .jpg or .jpeg (any case). Hidden files and folders (a name starting with a dot) are left out, and
 * symbolic links to folders are not followed, so a folder cannot include itself.
 */
final class BillFolder {
  private static final Set<String> EXTENSIONS = Set.of("pdf", "png", "jpg", "jpeg");

  /** One bill file: its path, its name relative to the folder (what the summary shows) and its size. */
  record BillFile(Path path, String name, long size) {
    /** The SHA-256 of the file's bytes, in hex: what `upload` recognises a file by. */
    String sha256() {
      try (InputStream in = Files.newInputStream(path)) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private BillFolder() {}

  /** The bill files under {@code folder}, in name order; a usage error when it is not a folder. */
  static List<BillFile> list(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new UsageException("not a folder: " + folder);
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths
          .filter(p -> !hidden(folder, p))
          .filter(Files::isRegularFile)
          .filter(BillFolder::isBill)
          .map(p -> new BillFile(p, folder.relativize(p).toString().replace('\\', '/'), size(p)))
          .sorted(java.util.Comparator.comparing(BillFile::name))
          .toList();
    } catch (IOException e) {
      throw new UsageException("cannot read the folder " + folder + ": " + e.getMessage());
    }
  }

  static boolean isBill(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean hidden(Path folder, Path path) {
    for (Path part : folder.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
