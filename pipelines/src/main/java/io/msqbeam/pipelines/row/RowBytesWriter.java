package io.msqbeam.pipelines.row;

import java.nio.charset.StandardCharsets;
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

  /** The string's UTF-8 bytes after their varint length. */
  void writeString(String value) {
    // getBytes is an intrinsic for Latin-1 strings: faster than encoding char by char here.
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeVarInt(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
  }

  /** The bytes after their varint length. */
  void writeBytes(byte[] value) {
    writeVarInt(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
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
