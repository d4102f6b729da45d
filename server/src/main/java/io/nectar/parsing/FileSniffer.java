package io.nectar.parsing;

/** Stage 1: a file's type from its first bytes. */
public final class FileSniffer {
  private FileSniffer() {}

  public static FileType sniff(byte[] content) throws UnreadableFile {
    if (content.length == 0) {
      throw new UnreadableFile(UnreadableFile.Reason.EMPTY, "the file is empty");
    }
    if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
      return FileType.PDF;
    }
    if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return FileType.PNG;
    }
    if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
      return FileType.JPEG;
    }
    throw new UnreadableFile(UnreadableFile.Reason.UNSUPPORTED_TYPE,
        "the file is not a PDF, PNG or JPEG (judged by its content)");
  }

  private static boolean startsWith(byte[] content, int... magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((content[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
