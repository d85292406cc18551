package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.InputFormat;
import io.msqbeam.translator.plan.ParquetInputFormat;
import java.io.Closeable;
import java.io.IOException;

/**
 * The records of one split, one at a time, as the bytes a {@link RowParser} reads: the lines of a
 * text format ({@link LineReader}) or the records of a Parquet file rendered as JSON lines
 * ({@link ParquetLines}). {@link #line()} is valid until the next {@link #next()}.
 */
public interface SplitRecords extends Closeable {
  /** Advances to the next record; false at the end of the split. */
  boolean next() throws IOException;

  byte[] line();

  int length();

  /** Bytes read from the split so far (Druid's {@code bytes} counter). */
  long bytesRead();

  /** Opens {@code split} as records of {@code format}. */
  static SplitRecords open(InputSplit split, InputFormat format) throws IOException {
    if (format instanceof ParquetInputFormat parquet) {
      return ParquetLines.open(split, parquet);
    }
    return SplitStreams.lines(split, SplitStreams.open(split));
  }
}
