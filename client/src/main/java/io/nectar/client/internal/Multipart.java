package io.nectar.client.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body built in memory (uploads are at most 25 MB), so the same
 * bytes and boundary go out on every retry. Not part of the public API.
 */
public final class Multipart {
  private final String boundary = "nectar-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public Multipart field(String name, String value) {
    head("Content-Disposition: form-data; name=\"" + quote(name) + "\"\r\n\r\n");
    write(value.getBytes(StandardCharsets.UTF_8));
    write("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  public Multipart file(String name, String fileName, String contentType, byte[] content) {
    head("Content-Disposition: form-data; name=\"" + quote(name) + "\"; filename=\"" + quote(fileName) + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n");
    write(content);
    write("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] bytes() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream(out.size() + boundary.length() + 8);
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return copy.toByteArray();
  }

  private void head(String headers) {
    write(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
  }

  private void write(byte[] bytes) {
    out.writeBytes(bytes);
  }

  /** Quotes and line breaks cannot appear inside a quoted header parameter; browsers escape them the same way. */
  private static String quote(String value) {
    return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
