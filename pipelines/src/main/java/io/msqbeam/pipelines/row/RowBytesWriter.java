package io.msqbeam.pipelines.row;

import java.util.Arrays;

/**
 * A growable byte buffer that rows are encoded into before one bulk write: the streams Beam hands a
 * coder on Flink cost a virtual call per single-byte write, so a row is written with one call.
 * Not thread-safe; {@link RowCoder} keeps one per thread.
 */
final class RowBytesWriter {
  private byte[] bytes = new byte[1024];
  private int size;

  void reset() {
    size = 0;
  }

  byte[] bytes() {
    return bytes;
  }

  int size() {
    return size;
  }

  void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  /** An unsigned LEB128 varint: small lengths and counts take one byte. */
  void writeVarInt(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  /** A zig-zag varint: timestamps take 6 bytes, small metrics one or two. */
  void writeVarLong(long value) {
    ensure(10);
    long zigZag = (value << 1) ^ (value >> 63);
    while ((zigZag & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((zigZag & 0x7F) | 0x80);
      zigZag >>>= 7;
    }
    bytes[size++] = (byte) zigZag;
  }

  void writeInt(int value) {
    ensure(4);
    bytes[size++] = (byte) (value >>> 24);
    bytes[size++] = (byte) (value >>> 16);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
  }

  void writeLong(long value) {
    writeInt((int) (value >>> 32));
    writeInt((int) value);
  }

  /**
   * The string's UTF-8 bytes after their varint length, encoded in place (no intermediate array);
   * an unpaired surrogate becomes {@code ?}, as {@code String.getBytes(UTF_8)} does.
   */
  void writeString(String value) {
    int length = value.length();
    // At most 3 bytes per char; reserve the length's room and patch it after.
    ensure(5 + 3 * length);
    int lengthAt = size;
    size += varIntSize(3 * length);
    int start = size;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes[size++] = (byte) c;
      } else if (c < 0x800) {
        bytes[size++] = (byte) (0xC0 | (c >> 6));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
          int codePoint = Character.toCodePoint(c, value.charAt(++i));
          bytes[size++] = (byte) (0xF0 | (codePoint >> 18));
          bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
          bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
          bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
          bytes[size++] = '?';
        }
      } else {
        bytes[size++] = (byte) (0xE0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    patchVarInt(lengthAt, varIntSize(3 * length), size - start);
  }

  /** Writes {@code value} in exactly {@code width} bytes (padded with continuation bytes). */
  private void patchVarInt(int at, int width, int value) {
    for (int i = 0; i < width - 1; i++) {
      bytes[at + i] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[at + width - 1] = (byte) value;
  }

  static int varIntSize(int value) {
    int n = 1;
    while ((value & ~0x7F) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
