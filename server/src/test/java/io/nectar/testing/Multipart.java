package io.nectar.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A multipart/form-data body of text fields, as a browser or {@code curl -F} sends it. */
public final class Multipart {
  private static final String BOUNDARY = "----nectar-test-boundary-7MA4YWxkTrZu0gW";

  private final List<Map.Entry<String, String>> fields = new ArrayList<>();

  public Multipart field(String name, String value) {
    fields.add(Map.entry(name, value));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields) {
      write(out, "--" + BOUNDARY + "\r\n");
      write(out, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
      write(out, field.getValue() + "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
