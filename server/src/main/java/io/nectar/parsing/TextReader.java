package io.nectar.parsing;

/** Stage 2: a file's text with positions, from its text layer or by OCR. */
public interface TextReader {
  BillText read(BillFile file, Deadline deadline) throws UnreadableFile;
}
