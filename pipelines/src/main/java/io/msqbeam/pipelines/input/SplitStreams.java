package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.InputFormat;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Opens a split as a stream of uncompressed bytes, the compression chosen by the file or URI path name. */
public final class SplitStreams {
  private SplitStreams() {}

  /** The lines of {@code split} in {@code in}, a stream from {@link #open}: for a file range, those starting in it. */
  public static LineReader lines(InputSplit split, InputStream in) {
    if (split instanceof InputSplit.FileSplit file && !file.isWholeFile()) {
      boolean skip = file.start() > 0;
      return new LineReader(in, skip, file.length() + (skip ? 1 : 0));
    }
    return new LineReader(in);
  }

  /**
   * How many lines of the file come before the split's first line: added to a line number within
   * the split, it gives the line number within the file that Druid's error messages carry. Reads
   * the file up to the split, so it is for the error path only.
   */
  public static long linesBefore(InputSplit split) throws IOException {
    if (!(split instanceof InputSplit.FileSplit file) || file.isWholeFile() || file.start() == 0) {
      return 0;
    }
    long newlines = 0;
    long remaining = file.start() - 1;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = new FileInputStream(file.path())) {
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            newlines++;
          }
        }
        remaining -= n;
      }
    }
    // The line in progress at start - 1 ends in this split's skipped prefix: one more line before.
    return newlines + 1;
  }

  /**
   * How many records Druid's reader would have read from the file before the split's first line: the
   * lines before it that a fresh parser of {@code format} reads into a row or that fail only in one
   * column (Druid reads those lines and fails later, on the column). Added to the records read in the
   * split, it gives the {@code Record} of Druid's message for an unreadable line. Parses the file up
   * to the split, so it is for the error path only.
   */
  public static long recordsBefore(InputSplit split, InputFormat format, List<ColumnSignature> signature)
      throws IOException {
    if (!(split instanceof InputSplit.FileSplit file) || file.isWholeFile() || file.start() == 0) {
      return 0;
    }
    RowParser parser = RowParsers.create(format, signature);
    long records = 0;
    try (LineReader lines = new LineReader(new FileInputStream(file.path()), false, file.start())) {
      while (lines.next()) {
        try {
          if (parser.parse(lines.line(), 0, lines.length()) != null) {
            records++;
          }
        } catch (RowParseException e) {
          if (e.column() != null) {
            records++;
          }
        }
      }
    }
    return records;
  }

  public static InputStream open(InputSplit split) throws IOException {
    if (split instanceof InputSplit.InlineSplit inline) {
      return new ByteArrayInputStream(inline.data().getBytes(StandardCharsets.UTF_8));
    }
    if (split instanceof InputSplit.FileSplit file) {
      if (file.isWholeFile()) {
        return Compression.forName(file.path()).decompress(new FileInputStream(file.path()));
      }
      // A range starts one byte early: lines() skips the line in progress there, the previous range's.
      FileInputStream in = new FileInputStream(file.path());
      in.getChannel().position(Math.max(0, file.start() - 1));
      return in;
    }
    InputSplit.HttpSplit http = (InputSplit.HttpSplit) split;
    String path = URI.create(http.uri()).getPath();
    return Compression.forName(path == null ? "" : path).decompress(HttpEntity.open(http.uri(), http.source()));
  }
}
