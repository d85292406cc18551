package io.msqbeam.pipelines.row;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one encoded row: its varint length from the stream, then the whole row with one bulk read,
 * decoded from memory. Not thread-safe; {@link RowCoder} keeps one per thread.
 */
final class RowBytesReader {
  /** The reader's own buffer, reused for rows read from streams. */
  private byte[] buffer = new byte[1024];
  /** The bytes being decoded: the buffer, or a row's bytes given to {@link #wrap}. */
  private byte[] bytes = buffer;
  private int position;

  /** Reads the next row's bytes from {@code in}; the row is then decoded with the other methods. */
  void load(InputStream in) throws IOException {
    int length = readVarInt(in);
    if (length > buffer.length) {
      buffer = new byte[Math.max(length, buffer.length * 2)];
    }
    bytes = buffer;
    int read = 0;
    while (read < length) {
      int n = in.read(bytes, read, length - read);
      if (n < 0) {
        throw new EOFException("row truncated after " + read + " of " + length + " bytes");
      }
      read += n;
    }
    position = 0;
  }

  /** Bytes left to decode. */
  int remaining() {
    return bytes.length - position;
  }

  /** Decodes from {@code row}, the bytes of one row without their length prefix. */
  void wrap(byte[] row) {
    bytes = row;
    position = 0;
  }

  /** Skips {@code length} bytes. */
  void skip(int length) {
    position += length;
  }

  byte readByte() {
    return bytes[position++];
  }

  int readVarInt() {
    int value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[position++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  long readVarLong() {
    long zigZag = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[position++];
      zigZag |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return (zigZag >>> 1) ^ -(zigZag & 1);
      }
    }
  }

  int readInt() {
    int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
        | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
    position += 4;
    return value;
  }

  long readLong() {
    return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
  }

  byte[] readBytes() {
    int length = readVarInt();
    byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return value;
  }

  String readString() {
    int length = readVarInt();
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  private static int readVarInt(InputStream in) throws IOException {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("end of stream inside a row length");
      }
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("malformed row length");
  }
}
