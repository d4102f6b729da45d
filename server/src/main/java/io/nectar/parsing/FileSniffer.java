package io.nectar.parsing;

/** Stage 1: a file's type from its first bytes, never from its name. */
public final class FileSniffer {
  /** Acrobat accepts a PDF header anywhere in the first 1024 bytes (some generators write a preamble). */
  static final int PDF_HEADER_WINDOW = 1024;

  private FileSniffer() {}

  public static FileType sniff(byte[] content) throws UnreadableFile {
    if (content.length == 0) {
      throw new UnreadableFile(UnreadableFile.Reason.EMPTY, "the file is empty");
    }
    // Before looking for a PDF header inside the first bytes: a ZIP can hold an uncompressed PDF
    // whose header then appears near the start.
    if (startsWith(content, 'P', 'K', 3, 4) || startsWith(content, 'P', 'K', 5, 6)
        || startsWith(content, 'P', 'K', 7, 8)) {
      throw new UnreadableFile(UnreadableFile.Reason.UNSUPPORTED_TYPE,
          "the file is a ZIP archive, not a PDF, PNG or JPEG (judged by its content)");
    }
    if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return FileType.PNG;
    }
    if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
      return FileType.JPEG;
    }
    if (pdfHeaderAt(content) >= 0) {
      return FileType.PDF;
    }
    throw new UnreadableFile(UnreadableFile.Reason.UNSUPPORTED_TYPE,
        "the file is not a PDF, PNG or JPEG (judged by its content)");
  }

  /** Where {@code %PDF-} starts within the first 1024 bytes, or -1. */
  static int pdfHeaderAt(byte[] content) {
    int end = Math.min(content.length, PDF_HEADER_WINDOW) - 5;
    for (int i = 0; i <= end; i++) {
      if (content[i] == '%' && content[i + 1] == 'P' && content[i + 2] == 'D' && content[i + 3] == 'F'
          && content[i + 4] == '-') {
        return i;
      }
    }
    return -1;
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
