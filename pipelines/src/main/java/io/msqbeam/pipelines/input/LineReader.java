package io.msqbeam.pipelines.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines (a trailing {@code \r} dropped) from a stream into one reusable
 * buffer, pulling the stream in 64 KiB chunks, so a line costs no allocation and no per-byte call.
 * {@link #line()} is valid until the next {@link #next()}.
 *
 * <p>A ranged reader returns only the lines that start inside its range: the stream starts one byte
 * before the range, the line in progress there (the previous range's last) is skipped, and the
 * line that starts last inside the range is read to its end even past the range. Ranges that tile a
 * file therefore return each of its lines exactly once.
 */
public final class LineReader implements SplitRecords {
  private final InputStream in;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkEnd;
  private byte[] line = new byte[8192];
  private int length;
  /** Stream offset of the first byte not yet returned as part of a line. */
  private long position;
  /** Stream offset where this reader's first line starts (after a skipped partial line). */
  private long firstLineStart;
  /** A line starting at or after this stream offset belongs to the next range. */
  private final long limit;
  private boolean skipFirstLine;

  public LineReader(InputStream in) {
    this(in, false, Long.MAX_VALUE);
  }

  /**
   * A reader of the lines starting before stream offset {@code limit}; with {@code skipFirstLine}
   * the stream's first line (up to and including its first {@code \n}) is not returned.
   */
  LineReader(InputStream in, boolean skipFirstLine, long limit) {
    this.in = in;
    this.skipFirstLine = skipFirstLine;
    this.limit = limit;
  }

  /** Advances to the next line; false at the end of the stream or of the range. */
  @Override
  public boolean next() throws IOException {
    if (skipFirstLine) {
      skipFirstLine = false;
      if (!readLine()) {
        return false;
      }
      firstLineStart = position;
    }
    return position < limit && readLine();
  }

  private boolean readLine() throws IOException {
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
      }
      any = true;
      int start = chunkPos;
      while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
        chunkPos++;
      }
      append(start, chunkPos - start);
      position += chunkPos - start;
      if (chunkPos < chunkEnd) {
        chunkPos++;
        position++;
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

  /**
   * Uncompressed bytes of the lines returned so far, terminators included (Druid's {@code bytes}
   * counter): over ranges that tile a file, they add up to its size.
   */
  @Override
  public long bytesRead() {
    return position - firstLineStart;
  }

  /** Closes the stream read from. */
  @Override
  public void close() throws IOException {
    in.close();
  }
}
