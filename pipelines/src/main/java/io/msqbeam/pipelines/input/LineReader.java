package io.msqbeam.pipelines.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines (a trailing {@code \r} dropped) from a stream into one reusable
 * buffer, pulling the stream in 64 KiB chunks, so a line costs no allocation and no per-byte call.
 * {@link #line()} is valid until the next {@link #next()}.
 */
public final class LineReader implements SplitRecords {
  private final InputStream in;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkEnd;
  private byte[] line = new byte[8192];
  private int length;
  private long bytesRead;

  public LineReader(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at the end of the stream. */
  @Override
  public boolean next() throws IOException {
    length = 0;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkEnd) {
        int n = in.read(chunk);
        if (n < 0) {
          return any && finish();
        }
        chunkPos = 0;
        chunkEnd = n;
        bytesRead += n;
      }
      any = true;
      int start = chunkPos;
      while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
        chunkPos++;
      }
      append(start, chunkPos - start);
      if (chunkPos < chunkEnd) {
        chunkPos++;
        return finish();
      }
    }
  }

  private boolean finish() {
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return true;
  }

  private void append(int start, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(chunk, start, line, length, count);
    length += count;
  }

  @Override
  public byte[] line() {
    return line;
  }

  @Override
  public int length() {
    return length;
  }

  /** Uncompressed bytes pulled from the stream so far (Druid's {@code bytes} counter). */
  @Override
  public long bytesRead() {
    return bytesRead;
  }

  /** Closes the stream read from. */
  @Override
  public void close() throws IOException {
    in.close();
  }
}
