package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.counters.StageCounter;
import io.msqbeam.pipelines.row.RowCoder;
import io.msqbeam.pipelines.segment.SegmentColumn;
import io.msqbeam.pipelines.segment.SegmentColumnType;
import io.msqbeam.pipelines.segment.SegmentMetric;
import io.msqbeam.pipelines.segment.SegmentSchema;
import io.msqbeam.pipelines.segment.SegmentShardSpec;
import io.msqbeam.pipelines.segment.SegmentWriter;
import io.msqbeam.pipelines.segment.WrittenSegment;
import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.joda.time.Interval;

/**
 * Writes the rows of one (time chunk, partition) as one Druid segment into deep storage, decoding
 * them (they travel encoded from {@link TimeChunkFn} on) and streaming them into a {@link SegmentWriter} that persists every {@code maxRowsInMemory} rows. Under range
 * partitioning (a {@code ranges} view) the segment gets a range shard spec from the chunk's
 * {@link RangeBoundaries}, the same side input the rows were assigned by.
 */
final class WriteSegmentFn extends DoFn<KV<KV<Long, Integer>, Iterable<byte[]>>, WrittenSegment> {
  private final SegmentGeneratorProcessor generator;
  private final List<ColumnSignature> inputSignature;
  private final TimeChunks chunks;
  private final io.msqbeam.translator.plan.DataSourceDestination destination;
  private final String workDir;
  private final String deepStorageDir;
  private final Counter rowsProcessed;
  private final Counter rowsPushed;
  private final PCollectionView<Map<Long, RangeBoundaries>> ranges;
  private final RowCoder rowCoder;

  WriteSegmentFn(int stageNumber, SegmentGeneratorProcessor generator, List<ColumnSignature> inputSignature,
      TimeChunks chunks, io.msqbeam.translator.plan.DataSourceDestination destination, String workDir,
      String deepStorageDir) {
    this(stageNumber, generator, inputSignature, chunks, destination, workDir, deepStorageDir, null);
  }

  /** A writer with range shard specs from {@code ranges}; the generator must be range partitioned. */
  WriteSegmentFn(int stageNumber, SegmentGeneratorProcessor generator, List<ColumnSignature> inputSignature,
      TimeChunks chunks, io.msqbeam.translator.plan.DataSourceDestination destination, String workDir,
      String deepStorageDir, PCollectionView<Map<Long, RangeBoundaries>> ranges) {
    if (ranges != null && !generator.isRangePartitioned()) {
      throw new IllegalArgumentException("the segment generator has no range dimensions");
    }
    this.ranges = ranges;
    this.generator = generator;
    this.inputSignature = List.copyOf(inputSignature);
    this.rowCoder = RowCoder.of(inputSignature);
    this.chunks = chunks;
    this.destination = destination;
    this.workDir = workDir;
    this.deepStorageDir = deepStorageDir;
    this.rowsProcessed = StageCounter.of(stageNumber, CounterNames.SEGMENT_GENERATION, "rowsProcessed");
    this.rowsPushed = StageCounter.of(stageNumber, CounterNames.SEGMENT_GENERATION, "rowsPushed");
  }

  @ProcessElement
  public void process(ProcessContext context) {
    KV<KV<Long, Integer>, Iterable<byte[]>> partition = context.element();
    SegmentShardSpec shardSpec = SegmentShardSpec.numbered();
    if (ranges != null) {
      RangeBoundaries boundaries = context.sideInput(ranges).get(partition.getKey().getKey());
      int number = partition.getKey().getValue();
      shardSpec = SegmentShardSpec.range(generator.rangeDimensions(), boundaries.start(number), boundaries.end(number),
          boundaries.partitions());
    }
    context.output(write(partition, shardSpec));
  }

  private WrittenSegment write(KV<KV<Long, Integer>, Iterable<byte[]>> partition, SegmentShardSpec shardSpec) {
    List<String> inputNames = inputSignature.stream().map(ColumnSignature::name).toList();
    List<SegmentColumn> columns = new ArrayList<>();
    List<Integer> dimensionPositions = new ArrayList<>();
    // __time among the dimensions marks where it sorts (forceSegmentSortByTime: false); its value is the timestamp.
    int timeSortPosition = SegmentSchema.TIME_FIRST;
    for (ColumnSignature dimension : generator.dataSchema().dimensions()) {
      if (dimension.name().equals(SegmentSchema.TIME_COLUMN)) {
        timeSortPosition = columns.size();
        continue;
      }
      columns.add(new SegmentColumn(dimension.name(), SegmentColumnType.valueOf(dimension.type().name()),
          generator.dataSchema().orderedMultiValueDimensions().contains(dimension.name())));
      dimensionPositions.add(inputNames.indexOf(queryColumn(dimension.name())));
    }
    int[] positions = dimensionPositions.stream().mapToInt(Integer::intValue).toArray();
    List<SegmentMetric> metrics = new ArrayList<>();
    for (AggregatorSpec metric : generator.dataSchema().metrics()) {
      metrics.add(new SegmentMetric(SegmentMetric.Kind.fromDruidName(metric.type().druidName()), metric.name(),
          metric.fieldName(), metric.timeColumn(), metric.maxBytes(),
          metric.elementType() == null ? null : SegmentColumnType.valueOf(metric.elementType().name())));
    }
    // A metric's input column is the segment column of that name, so its value sits after the dimensions'.
    int dimensionCount = positions.length;
    positions = java.util.Arrays.copyOf(positions, dimensionCount + metrics.size());
    for (int i = 0; i < metrics.size(); i++) {
      positions[dimensionCount + i] = inputNames.indexOf(queryColumn(metrics.get(i).fieldName()));
    }
    String timeQueryColumn = queryColumn(SegmentSchema.TIME_COLUMN);
    int timePosition = timeQueryColumn == null ? -1 : inputNames.indexOf(timeQueryColumn);
    Interval interval = chunks.chunk(partition.getKey().getKey());
    SegmentSchema schema = new SegmentSchema(generator.dataSchema().dataSource(), columns, metrics,
        generator.dataSchema().rollup(), timeSortPosition,
        SegmentSchema.granularity(generator.dataSchema().queryGranularity()));
    String version = destination.segmentVersion();
    int partitionNum = partition.getKey().getValue();
    for (io.msqbeam.translator.plan.DataSourceDestination.ExistingChunk existing : destination.existingChunks()) {
      Interval existingInterval = Interval.parse(existing.interval());
      if (existingInterval.getStartMillis() == interval.getStartMillis()
          && existingInterval.getEndMillis() == interval.getEndMillis()) {
        version = existing.version();
        partitionNum += existing.nextPartitionNum();
      } else if (existingInterval.overlaps(interval)) {
        throw new io.msqbeam.pipelines.fault.FaultException(io.msqbeam.pipelines.fault.Fault.insertCannotAllocateSegment(
            destination.dataSource(), interval.toString()));
      }
    }
    try (SegmentWriter writer = new SegmentWriter(schema, interval, version, partitionNum, shardSpec,
        new File(workDir), new File(deepStorageDir), generator.tuningConfig().maxRowsInMemory())) {
      int[] columnPositions = positions;
      for (byte[] batch : partition.getValue()) {
        // Each value is a batch of rows (AssignPartitionFn), decoded one row at a time.
        rowCoder.forEachRow(batch, row -> {
          Object[] values = new Object[columnPositions.length];
          for (int i = 0; i < columnPositions.length; i++) {
            values[i] = row[columnPositions[i]];
          }
          long time = timePosition < 0 ? 0L : ((Number) row[timePosition]).longValue();
          writer.add(time, values);
          rowsProcessed.inc();
        });
      }
      WrittenSegment segment = writer.finish();
      rowsPushed.inc(segment.numRows());
      return segment;
    }
  }

  private String queryColumn(String outputColumn) {
    return generator.columnMappings().stream()
        .filter(m -> m.outputColumn().equals(outputColumn))
        .map(m -> m.queryColumn())
        .findFirst().orElse(null);
  }
}
