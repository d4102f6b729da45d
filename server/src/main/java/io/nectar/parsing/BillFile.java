package io.nectar.parsing;

import java.util.Objects;

/**
 * A file handed in as a bill, with its type as sniffed from its content.
 *
 * @param fileName the name it was uploaded under (only for messages and the document's {@code fileName})
 */
public record BillFile(String fileName, byte[] content, FileType type) {
  public BillFile {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(type, "type");
  }
}
