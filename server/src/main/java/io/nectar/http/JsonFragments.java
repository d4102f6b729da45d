package io.nectar.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON values that repeat within one response, serialized once and copied as bytes after: a
 * page of a site's bills embeds the same site object in each of its 1,680 usage rows. A value is
 * rendered to bytes the first time it appears; one that never repeats costs a copy of a few hundred
 * bytes, less than rendering a repeated one twice would. Lives for one response only, so nothing in
 * it can go stale.
 */
public final class JsonFragments {
  /** Writes every value in full: for trees and single objects, where nothing repeats. */
  public static final JsonFragments NONE = new JsonFragments(false);

  /** Fragments are a few hundred bytes: a whole response's 16 kB first buffer would be waste. */
  private static final int FRAGMENT_BUFFER = 1024;

  private final boolean enabled;
  private final Map<Object, RawUtf8> written = new HashMap<>();
  private final List<Scratch> scratches = new ArrayList<>();
  private int depth;

  private JsonFragments(boolean enabled) {
    this.enabled = enabled;
  }

  /** A memo for one response. */
  public static JsonFragments perResponse() {
    return new JsonFragments(true);
  }

  /**
   * Writes the value {@code writer} writes, which must depend on {@code key} alone within this
   * response (an id together with whatever else selects the rendering).
   */
  public void write(JsonGenerator g, Object key, JsonWriter writer) throws IOException {
    if (!enabled) {
      writer.write(g);
      return;
    }
    g.writeRawValue(known(key, () -> render(writer)));
  }

  /**
   * Writes the fields {@code fields} writes into the object being written, which must depend on
   * {@code key} alone within this response. At least one field of that object must be written
   * before: the run of fields is copied with its leading comma.
   */
  public void writeFields(JsonGenerator g, Object key, JsonWriter fields) throws IOException {
    if (!enabled) {
      fields.write(g);
      return;
    }
    g.writeRaw(known(key, () -> fieldRun(fields)));
  }

  /** The bytes kept under {@code key}, rendered by {@code bytes} the first time. */
  private RawUtf8 known(Object key, Rendering bytes) throws IOException {
    RawUtf8 raw = written.get(key);
    if (raw == null) {
      raw = new RawUtf8(bytes.render());
      written.put(key, raw);
    }
    return raw;
  }

  private interface Rendering {
    byte[] render() throws IOException;
  }

  /** The fields {@code fields} writes, as {@code ,"a":1,"b":2} to follow the fields written before them. */
  private byte[] fieldRun(JsonWriter fields) throws IOException {
    byte[] object = render(og -> {
      og.writeStartObject();
      fields.write(og);
      og.writeEndObject();
    });
    byte[] run = object.length <= 2 ? new byte[0] : Arrays.copyOf(object, object.length - 1);
    if (run.length > 0) {
      run[0] = ',';
    }
    return run;
  }

  /**
   * The bytes of one value, from generators kept for the response: a page renders hundreds of
   * fragments, and a generator of their own would each take fresh buffers (the response's generator
   * holds the thread's recycled ones). A fragment may render another inside it (a row's meter fields
   * hold its site), hence one generator per depth.
   */
  private byte[] render(JsonWriter writer) throws IOException {
    if (scratches.size() == depth) {
      scratches.add(new Scratch());
    }
    Scratch scratch = scratches.get(depth++);
    try {
      writer.write(scratch.generator);
      scratch.generator.flush();
      return scratch.bytes.toByteArray();
    } finally {
      scratch.bytes.reset();
      depth--;
    }
  }

  private static final class Scratch {
    final ByteArrayBuilder bytes = new ByteArrayBuilder(FRAGMENT_BUFFER);
    final JsonGenerator generator;

    Scratch() throws IOException {
      generator = Json.MAPPER.getFactory().createGenerator(bytes);
      generator.setRootValueSeparator(null);
    }
  }

  /** Serialized JSON as UTF-8 bytes, which the generator copies into its buffer as they are. */
  private static final class RawUtf8 implements SerializableString {
    private final byte[] utf8;

    RawUtf8(byte[] utf8) {
      this.utf8 = utf8;
    }

    @Override
    public String getValue() {
      return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
      throw new UnsupportedOperationException("raw JSON is never quoted");
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return utf8;
    }

    @Override
    public byte[] asQuotedUTF8() {
      throw new UnsupportedOperationException("raw JSON is never quoted");
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      throw new UnsupportedOperationException("raw JSON is never quoted");
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      throw new UnsupportedOperationException("raw JSON is never quoted");
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + utf8.length > buffer.length) {
        return -1;
      }
      System.arraycopy(utf8, 0, buffer, offset, utf8.length);
      return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      String value = getValue();
      if (offset + value.length() > buffer.length) {
        return -1;
      }
      value.getChars(0, value.length(), buffer, offset);
      return value.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
      throw new UnsupportedOperationException("raw JSON is never quoted");
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(utf8);
      return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      throw new UnsupportedOperationException("raw JSON is never quoted");
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (utf8.length > buffer.remaining()) {
        return -1;
      }
      buffer.put(utf8);
      return utf8.length;
    }
  }
}
