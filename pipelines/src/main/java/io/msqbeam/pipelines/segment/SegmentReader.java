package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.druid.java.util.common.FileUtils;
import org.apache.druid.segment.ColumnSelectorFactory;
import org.apache.druid.segment.Cursor;
import org.apache.druid.segment.CursorBuildSpec;
import org.apache.druid.segment.CursorHolder;
import org.apache.druid.segment.QueryableIndex;
import org.apache.druid.segment.QueryableIndexCursorFactory;
import org.apache.druid.segment.column.RowSignature;
import org.apache.druid.utils.CompressionUtils;

/**
 * Opens one Druid segment from its {@code index.zip} and streams its rows.
 *
 * <p>The zip is unpacked into a private directory under the given work directory and memory
 * mapped by Druid's {@code IndexIO}; {@link #scan} walks a Druid cursor and builds one row at a
 * time, so a segment of any size is read in constant heap. Rows come out in the segment's own
 * order ({@link #ordering()}: usually {@code __time}, then the dimensions).
 *
 * <p>Works on segments written by real Druid too, as long as their columns are of the primitive
 * {@link SegmentColumnType}s. Not thread-safe; {@link #close()} unmaps and deletes the unpacked
 * files.
 */
public final class SegmentReader implements Closeable {

  private final File unpackedDir;
  private final QueryableIndex index;
  private final QueryableIndexCursorFactory cursorFactory;
  private final Map<String, SegmentColumnType> columnTypes;

  private SegmentReader(File unpackedDir, QueryableIndex index) {
    this.unpackedDir = unpackedDir;
    this.index = index;
    this.cursorFactory = new QueryableIndexCursorFactory(index);
    this.columnTypes = columnTypes(cursorFactory.getRowSignature());
  }

  /** Unpacks {@code indexZip} under {@code workDir} and opens the segment in it. */
  public static SegmentReader open(File indexZip, File workDir) {
    requireNonNull(indexZip, "indexZip is null");
    requireNonNull(workDir, "workDir is null");
    DruidRuntime druid = DruidRuntime.initialize();
    File unpackedDir = null;
    try {
      Files.createDirectories(workDir.toPath());
      unpackedDir = Files.createTempDirectory(workDir.toPath(), "segment-").toFile();
      CompressionUtils.unzip(indexZip, unpackedDir);
      return new SegmentReader(unpackedDir, druid.indexIO().loadIndex(unpackedDir));
    } catch (IOException | RuntimeException e) {
      if (unpackedDir != null) {
        deleteQuietlyAfterFailure(unpackedDir, e);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Cannot open segment " + indexZip, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The column names in segment order: {@code __time} first, then dimensions, then metrics. */
  public List<String> columnNames() {
    return List.copyOf(columnTypes.keySet());
  }

  /** Every column with its type, in segment order ({@code __time} is {@code LONG}). */
  public Map<String, SegmentColumnType> columnTypes() {
    return columnTypes;
  }

  /**
   * The columns the segment's rows are sorted by, in order: {@code [__time, …]} for Druid's usual
   * segments, another column first for one written with {@code forceSegmentSortByTime: false}.
   */
  public List<String> ordering() {
    return index.getOrdering().stream().map(org.apache.druid.query.OrderBy::getColumnName).toList();
  }

  public int numRows() {
    return index.getNumRows();
  }

  /**
   * Calls {@code consumer} once per row with the values of {@code columns}, in that order.
   *
   * @throws IllegalArgumentException if a column is not in the segment
   */
  public void scan(List<String> columns, RowConsumer consumer) throws Exception {
    requireNonNull(columns, "columns is null");
    requireNonNull(consumer, "consumer is null");
    List<SegmentColumnType> types = new ArrayList<>(columns.size());
    for (String column : columns) {
      SegmentColumnType type = columnTypes.get(column);
      if (type == null) {
        throw new IllegalArgumentException(
            "Column [" + column + "] is not in the segment; it has " + columnTypes.keySet());
      }
      types.add(type);
    }
    try (CursorHolder holder = cursorFactory.makeCursorHolder(CursorBuildSpec.FULL_SCAN)) {
      Cursor cursor = holder.asCursor();
      if (cursor == null) {
        return; // Druid's answer for "no rows match"
      }
      ColumnSelectorFactory selectors = cursor.getColumnSelectorFactory();
      ColumnValueReader[] readers = new ColumnValueReader[columns.size()];
      for (int i = 0; i < readers.length; i++) {
        readers[i] = ColumnValueReader.of(selectors, columns.get(i), types.get(i));
      }
      while (!cursor.isDone()) {
        Object[] row = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
          row[i] = readers[i].read();
        }
        consumer.accept(row);
        cursor.advance();
      }
    }
  }

  @Override
  public void close() {
    index.close();
    try {
      FileUtils.deleteDirectory(unpackedDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete unpacked segment " + unpackedDir, e);
    }
  }

  private static Map<String, SegmentColumnType> columnTypes(RowSignature signature) {
    Map<String, SegmentColumnType> types = new LinkedHashMap<>();
    for (String column : signature.getColumnNames()) {
      types.put(column, SegmentColumnType.fromDruid(column, signature.getColumnType(column).orElse(null)));
    }
    return Collections.unmodifiableMap(types);
  }

  private static void deleteQuietlyAfterFailure(File dir, Exception failure) {
    try {
      FileUtils.deleteDirectory(dir);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
