package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.segment.RowConsumer;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.TableInputSpec.SegmentFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/**
 * Reads the rows of one published segment as rows of a table signature: columns the segment lacks
 * are null, and rows of a partly overshadowed segment are read only where no newer version covers
 * them. Shared by the Beam read and the in-process one.
 */
final class SegmentRows {
  private final List<String> columns;
  /** The columns to read; the others stay null. */
  private final Set<String> needed;

  SegmentRows(List<ColumnSignature> signature) {
    this(signature, null);
  }

  /** Reads only the {@code needed} columns of the signature ({@code __time} among them when overshadowed). */
  SegmentRows(List<ColumnSignature> signature, Set<String> needed) {
    this.columns = signature.stream().map(ColumnSignature::name).toList();
    this.needed = needed == null ? Set.copyOf(columns) : Set.copyOf(needed);
  }

  /**
   * Unpacks the segment under {@code workDir} and hands each visible row to {@code consumer}. A
   * runtime exception thrown by the consumer ends the read and reaches the caller as is.
   */
  void read(SegmentFile segment, String workDir, RowConsumer consumer) {
    try {
      File dir = Files.createDirectories(new File(workDir).toPath()).toFile();
      try (SegmentReader reader = SegmentReader.open(new File(segment.path()), dir)) {
        read(reader, segment, consumer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read segment " + segment.segmentId(), e);
    }
  }

  /** Hands each visible row of an open segment to {@code consumer}. */
  void read(SegmentReader reader, SegmentFile segment, RowConsumer consumer) {
    List<String> present = reader.columnNames();
    List<String> readable = columns.stream().filter(c -> needed.contains(c) && present.contains(c)).toList();
    int[] positions = readable.stream().mapToInt(columns::indexOf).toArray();
    long[][] visible = segment.visibleIntervals().stream().map(org.joda.time.Interval::parse)
        .map(i -> new long[] {i.getStartMillis(), i.getEndMillis()}).toArray(long[][]::new);
    int timeIndex = readable.indexOf("__time");
    try {
      reader.scan(readable, values -> {
        if (visible.length > 0 && timeIndex >= 0 && !isVisible(((Number) values[timeIndex]).longValue(), visible)) {
          return;
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < positions.length; i++) {
          row[positions[i]] = values[i];
        }
        consumer.accept(row);
      });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read segment " + segment.segmentId(), e);
    }
  }

  private static boolean isVisible(long time, long[][] visible) {
    for (long[] interval : visible) {
      if (interval[0] <= time && time < interval[1]) {
        return true;
      }
    }
    return false;
  }
}
