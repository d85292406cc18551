package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.druid.data.input.InputRow;
import org.apache.druid.data.input.ListBasedInputRow;
import org.apache.druid.data.input.impl.TimestampSpec;
import org.apache.druid.java.util.common.DateTimes;
import org.apache.druid.java.util.common.FileUtils;
import org.apache.druid.query.aggregation.AggregatorFactory;
import org.apache.druid.segment.IndexSpec;
import org.apache.druid.segment.Metadata;
import org.apache.druid.segment.QueryableIndex;
import org.apache.druid.segment.column.ColumnType;
import org.apache.druid.segment.column.RowSignature;
import org.apache.druid.segment.incremental.IncrementalIndex;
import org.apache.druid.segment.incremental.IncrementalIndexAddResult;
import org.apache.druid.segment.incremental.IncrementalIndexSchema;
import org.apache.druid.segment.incremental.OnheapIncrementalIndex;
import org.apache.druid.timeline.DataSegment;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;

/**
 * Builds one Druid segment — one (interval, version, partitionNum) — from rows added one at a
 * time, and pushes it to deep storage.
 *
 * <p>Memory stays bounded the way Druid's own appenderator bounds it: every {@code maxRowsInMemory}
 * rows, the rows in memory are persisted to a segment directory under {@code tempDir} (buffered
 * rows, which take far less memory, up to {@link #BUFFERED_ROWS_PER_INDEX_ROW} times as many, within
 * a byte budget). Rows of a
 * segment without rollup whose dimensions are single-valued strings and numbers are held as
 * {@link BufferedRows} and persisted through {@link BufferedRowsAdapter} — the same segment, for a
 * fraction of the cost; any other row goes into Druid's on-heap {@link IncrementalIndex}, and so do
 * the rows buffered so far when a multi-value string first arrives. {@link #finish()} merges the
 * persisted parts into the final segment (merging sorts rows by {@code __time}, then by the
 * dimensions in order), zips it and pushes it with {@link LocalDeepStorage}.
 *
 * <p>With a rollup schema, rows of equal time and dimensions are combined by the metrics'
 * aggregators, in the index and again when parts merge, and the segment's metadata records the
 * aggregators and {@code rollup: true} as Druid's own rolled-up segments do.
 *
 * <p>Not thread-safe: one writer per bundle/partition. Always {@link #close()} it: that deletes
 * the temporary files, also when {@code add} or {@code finish} failed.
 */
public final class SegmentWriter implements Closeable {

  /** Druid's default {@code maxRowsInMemory} for ingestion tasks. */
  public static final int DEFAULT_MAX_ROWS_IN_MEMORY = 100_000;

  /**
   * How many times {@code maxRowsInMemory} rows a part may hold while they are buffered: a buffered
   * row takes a fraction of the memory of a row of Druid's index, and a segment written in one part
   * is written once, where several parts are each written and then merged (on a 400,000-row day,
   * one part took half the time of four). Memory stays bounded by {@link #maxBufferedBytes}.
   */
  static final int BUFFERED_ROWS_PER_INDEX_ROW = 10;

  /** Segment format version written by {@code IndexMergerV9}: what a Druid 0.x–37 historical loads. */
  static final int BINARY_VERSION = 9;

  private final DruidRuntime druid = DruidRuntime.initialize();
  private final SegmentSchema schema;
  private final Interval interval;
  private final String version;
  private final int partitionNum;
  private final SegmentShardSpec shardSpec;
  private final File workDir;
  private final LocalDeepStorage deepStorage;
  private final int maxRowsInMemory;
  /** The heap buffered rows may take before they are persisted: 1/16 of the heap, at most 256 MB. */
  private final long maxBufferedBytes = Math.min(Runtime.getRuntime().maxMemory() / 16, 256L << 20);
  private final IncrementalIndexSchema indexSchema;
  private final RowSignature rowSignature;
  private final List<String> dimensionNames;
  private final IndexSpec indexSpec = IndexSpec.getDefault();
  private final List<File> persistedParts = new ArrayList<>();

  /** Rows in memory while they can be buffered; null once the writer has fallen back to {@link #index}. */
  private BufferedRows buffered;
  private Metadata bufferedMetadata;
  private IncrementalIndex index;
  private long rowsAdded;
  private boolean finished;

  public SegmentWriter(
      SegmentSchema schema,
      Interval interval,
      String version,
      int partitionNum,
      File tempDir,
      File deepStorageRoot,
      int maxRowsInMemory) {
    this(schema, interval, version, partitionNum, SegmentShardSpec.numbered(), tempDir, deepStorageRoot,
        maxRowsInMemory);
  }

  /**
   * A writer whose segment gets {@code shardSpec} for its partition number. With a range shard spec
   * the caller promises that every row added lies in the range; the writer does not check it.
   */
  public SegmentWriter(
      SegmentSchema schema,
      Interval interval,
      String version,
      int partitionNum,
      SegmentShardSpec shardSpec,
      File tempDir,
      File deepStorageRoot,
      int maxRowsInMemory) {
    this.shardSpec = requireNonNull(shardSpec, "shardSpec is null");
    this.schema = requireNonNull(schema, "schema is null");
    // Druid's ids and storage paths print instants in UTC; an interval built in another zone
    // would otherwise name a different directory than the one Druid looks in.
    this.interval = requireNonNull(interval, "interval is null").withChronology(ISOChronology.getInstanceUTC());
    this.version = requireNonNull(version, "version is null");
    requireNonNull(tempDir, "tempDir is null");
    this.deepStorage = new LocalDeepStorage(requireNonNull(deepStorageRoot, "deepStorageRoot is null"));
    if (partitionNum < 0) {
      throw new IllegalArgumentException("partitionNum is negative: " + partitionNum);
    }
    if (maxRowsInMemory <= 0) {
      throw new IllegalArgumentException("maxRowsInMemory must be positive: " + maxRowsInMemory);
    }
    this.partitionNum = partitionNum;
    this.maxRowsInMemory = maxRowsInMemory;
    this.dimensionNames = schema.dimensionNames();
    this.rowSignature = rowSignature(schema);
    this.indexSchema =
        IncrementalIndexSchema.builder()
            .withMinTimestamp(interval.getStartMillis())
            .withTimestampSpec(new TimestampSpec(SegmentSchema.TIME_COLUMN, "millis", null))
            .withQueryGranularity(schema.queryGranularity())
            .withDimensionsSpec(schema.toDimensionsSpec())
            .withMetrics(schema.toAggregatorFactories())
            .withRollup(schema.rollup())
            .build();
    if (BufferedRows.supports(schema)) {
      this.buffered = BufferedRows.of(schema);
    }
    try {
      Files.createDirectories(tempDir.toPath());
      this.workDir = Files.createTempDirectory(tempDir.toPath(), "segment-" + partitionNum + "-").toFile();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a work directory under " + tempDir, e);
    }
  }

  /**
   * Adds one row. {@code values} line up with the schema's dimensions, then its metrics' input
   * columns (metric values are numbers, time-value pairs of first/last metrics, sketches of
   * hyperUnique metrics, or {@code null}); each dimension value is a String,
   * a Long or Integer, a Float, a Double, {@code null}, or a {@code List<String>} for a
   * multi-value string. The array is copied, so callers may reuse it.
   *
   * @throws IllegalArgumentException if the timestamp is outside the segment's interval or a
   *     value cannot be stored in its column
   */
  public void add(long timestampMillis, Object[] values) {
    requireNonNull(values, "values is null");
    if (finished) {
      throw new IllegalStateException("Segment " + describe() + " is already finished");
    }
    if (values.length != rowSignature.size()) {
      throw new IllegalArgumentException("Expected " + dimensionNames.size() + " dimension values"
          + (schema.metrics().isEmpty() ? "" : " and " + schema.metrics().size() + " metric values")
          + ", got " + values.length);
    }
    if (!interval.contains(timestampMillis)) {
      throw new IllegalArgumentException(
          "Timestamp " + DateTimes.utc(timestampMillis) + " is outside segment interval " + interval);
    }
    if (buffered != null && !buffered.add(timestampMillis, values)) {
      moveBufferedRowsToIndex();
    }
    if (buffered == null) {
      addToIndex(timestampMillis, values.clone());
    }
    rowsAdded++;
    if (buffered != null ? isBufferFull() : index != null && index.numRows() >= maxRowsInMemory) {
      persistInMemoryRows();
    }
  }

  private boolean isBufferFull() {
    int rows = buffered.size();
    // Estimating the bytes walks the columns: every 1,024 rows is often enough.
    return rows >= (long) maxRowsInMemory * BUFFERED_ROWS_PER_INDEX_ROW
        || rows % 1024 == 0 && buffered.estimatedBytes() >= maxBufferedBytes;
  }

  private void addToIndex(long timestampMillis, Object[] values) {
    if (index == null) {
      index = new OnheapIncrementalIndex.Builder().setIndexSchema(indexSchema).setMaxRowCount(maxRowsInMemory).build();
    }
    int firstMetric = dimensionNames.size();
    for (int i = 0; i < schema.metrics().size(); i++) {
      values[firstMetric + i] = schema.metrics().get(i).toDruidValue(values[firstMetric + i]);
    }
    InputRow row = new ListBasedInputRow(rowSignature, DateTimes.utc(timestampMillis), dimensionNames, Arrays.asList(values));
    IncrementalIndexAddResult result = index.add(row);
    if (result.hasParseException()) {
      throw new IllegalArgumentException(
          "Cannot add row to segment " + describe() + ": " + result.getParseException().getMessage(),
          result.getParseException());
    }
  }

  /** A row the buffer cannot hold arrived: from now on every row goes through Druid's incremental index. */
  private void moveBufferedRowsToIndex() {
    BufferedRows rows = buffered;
    buffered = null;
    for (int row = 0; row < rows.size(); row++) {
      addToIndex(rows.time(row), rows.values(row));
      // The buffer may hold more rows than the index may.
      if (index.numRows() >= maxRowsInMemory) {
        persistInMemoryRows();
      }
    }
  }

  /** How many parts have been persisted so far (the rest of the rows are in memory). */
  int persistedParts() {
    return persistedParts.size();
  }

  /** Rows added so far. */
  public long rowCount() {
    return rowsAdded;
  }

  /**
   * Merges everything added into the final segment and pushes it to deep storage.
   *
   * @throws IllegalStateException if no row was added: Druid has no empty segments (an empty
   *     time chunk is a tombstone, which is the publisher's business, not ours)
   */
  public WrittenSegment finish() {
    if (finished) {
      throw new IllegalStateException("Segment " + describe() + " is already finished");
    }
    if (rowsAdded == 0) {
      throw new IllegalStateException("Segment " + describe() + " has no rows");
    }
    finished = true;
    try {
      persistInMemoryRows();
      File segmentDir = persistedParts.size() == 1 ? persistedParts.get(0) : mergePersistedParts();
      DataSegment pushed = deepStorage.push(segmentDir, segmentTemplate());
      return new WrittenSegment(
          pushed.getId().toString(),
          pushed.getDataSource(),
          pushed.getInterval().toString(),
          pushed.getVersion(),
          partitionNum,
          rowsAdded,
          pushed.getSize(),
          (String) pushed.getLoadSpec().get("path"),
          druid.jsonMapper().writeValueAsString(pushed));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build segment " + describe(), e);
    }
  }

  /** Releases the in-memory index and deletes every temporary file; idempotent. */
  @Override
  public void close() {
    buffered = null;
    if (index != null) {
      index.close();
      index = null;
    }
    try {
      FileUtils.deleteDirectory(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete segment work directory " + workDir, e);
    }
  }

  private void persistInMemoryRows() {
    if (buffered != null) {
      persistBufferedRows();
      return;
    }
    if (index == null || index.isEmpty()) {
      return;
    }
    File partDir = new File(workDir, "part-" + persistedParts.size());
    try {
      druid.indexMerger().persist(index, interval, partDir, indexSpec, DruidRuntime.writeOutMediumFactory());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot persist rows of segment " + describe() + " to " + partDir, e);
    } finally {
      index.close();
      index = null;
    }
    persistedParts.add(partDir);
  }

  private void persistBufferedRows() {
    if (buffered.size() == 0) {
      return;
    }
    File partDir = new File(workDir, "part-" + persistedParts.size());
    try {
      druid.indexMerger().merge(
          List.of(new BufferedRowsAdapter(interval, schema, buffered, bufferedMetadata())),
          false,
          new AggregatorFactory[0],
          partDir,
          schema.toDimensionsSpec(),
          indexSpec,
          -1);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot persist rows of segment " + describe() + " to " + partDir, e);
    } finally {
      buffered = BufferedRows.of(schema);
    }
    persistedParts.add(partDir);
  }

  /** The metadata Druid's incremental index gives a segment of this schema: taken from an empty one. */
  private Metadata bufferedMetadata() {
    if (bufferedMetadata == null) {
      IncrementalIndex empty = new OnheapIncrementalIndex.Builder().setIndexSchema(indexSchema).setMaxRowCount(1).build();
      try {
        bufferedMetadata = empty.getMetadata();
      } finally {
        empty.close();
      }
    }
    return bufferedMetadata;
  }

  private File mergePersistedParts() throws IOException {
    List<QueryableIndex> parts = new ArrayList<>(persistedParts.size());
    try {
      for (File part : persistedParts) {
        parts.add(druid.indexIO().loadIndex(part));
      }
      return druid.indexMerger().mergeQueryableIndex(
          parts,
          schema.rollup(),
          schema.toAggregatorFactories(),
          schema.toDimensionsSpec(),
          new File(workDir, "merged"),
          indexSpec,
          DruidRuntime.writeOutMediumFactory(),
          -1);
    } finally {
      parts.forEach(QueryableIndex::close);
    }
  }

  private DataSegment segmentTemplate() {
    return DataSegment.builder()
        .dataSource(schema.dataSource())
        .interval(interval)
        .version(version)
        .shardSpec(shardSpec.toDruid(partitionNum))
        .dimensions(dimensionNames)
        .metrics(schema.metricNames())
        .binaryVersion(BINARY_VERSION)
        .size(0)
        .build();
  }

  private String describe() {
    return schema.dataSource() + "_" + interval + "_" + version + "_" + partitionNum;
  }

  private static RowSignature rowSignature(SegmentSchema schema) {
    RowSignature.Builder builder = RowSignature.builder();
    for (SegmentColumn column : schema.dimensions()) {
      builder.add(column.name(), columnType(column.type()));
    }
    for (SegmentMetric metric : schema.metrics()) {
      builder.add(metric.fieldName(), columnType(metric.kind().valueType()));
    }
    return builder.build();
  }

  private static ColumnType columnType(SegmentColumnType type) {
    return type.toDruid();
  }
}
