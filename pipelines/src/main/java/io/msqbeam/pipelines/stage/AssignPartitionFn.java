package io.msqbeam.pipelines.stage;

import java.util.Map;
import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.row.RowCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Spreads the rows of each time chunk over {@code ceil(rows / rowsPerSegment)} segments, so no
 * segment (and no worker) has to take a whole large chunk. The chunk's row count comes from a
 * counting pre-pass (a side input). Under range partitioning ({@link #ranged}) a row goes instead to
 * the partition whose key range holds it, from the chunk's {@link RangeBoundaries} (a side input).
 * Rows leave in batches per partition ({@link PartitionBatches}), each value many encoded rows.
 */
final class AssignPartitionFn extends DoFn<KV<Long, byte[]>, KV<KV<Long, Integer>, byte[]>> {
  static final int MAX_BUCKETS = 5_000;
  static final int MAX_PARTITIONS = 25_000;

  private final PCollectionView<Map<Long, Long>> chunkCounts;
  private final long rowsPerSegment;
  private final Integer maxNumSegments;
  private final TimeChunks chunks;
  private final String segmentGranularity;
  private final PCollectionView<Map<Long, RangeBoundaries>> ranges;
  private final int[] keyPositions;
  /** Decodes the range key from the encoded rows; null without range partitioning. */
  private final RowCoder rowCoder;

  AssignPartitionFn(PCollectionView<Map<Long, Long>> chunkCounts, long rowsPerSegment, Integer maxNumSegments,
      TimeChunks chunks, String segmentGranularity) {
    this(chunkCounts, rowsPerSegment, maxNumSegments, chunks, segmentGranularity, null, new int[0], null);
  }

  private AssignPartitionFn(PCollectionView<Map<Long, Long>> chunkCounts, long rowsPerSegment, Integer maxNumSegments,
      TimeChunks chunks, String segmentGranularity, PCollectionView<Map<Long, RangeBoundaries>> ranges,
      int[] keyPositions, RowCoder rowCoder) {
    this.chunkCounts = chunkCounts;
    this.rowsPerSegment = rowsPerSegment;
    this.maxNumSegments = maxNumSegments;
    this.chunks = chunks;
    this.segmentGranularity = segmentGranularity;
    this.ranges = ranges;
    this.keyPositions = keyPositions.clone();
    this.rowCoder = rowCoder;
  }

  /**
   * The same assignment by key range; {@code keyPositions} are the row positions of the range
   * dimensions in rows encoded by {@code rowCoder}.
   */
  AssignPartitionFn ranged(PCollectionView<Map<Long, RangeBoundaries>> ranges, int[] keyPositions, RowCoder rowCoder) {
    return new AssignPartitionFn(chunkCounts, rowsPerSegment, maxNumSegments, chunks, segmentGranularity, ranges,
        keyPositions, rowCoder);
  }

  /** Druid's limits on the shape of the output: buckets, partitions in all, segments per chunk. */
  private void checkLimits(Map<Long, Long> counts) {
    if (counts.size() > MAX_BUCKETS) {
      throw new FaultException(Fault.tooManyBuckets(MAX_BUCKETS));
    }
    long partitions = 0;
    for (Map.Entry<Long, Long> chunk : counts.entrySet()) {
      long segments = (chunk.getValue() + rowsPerSegment - 1) / rowsPerSegment;
      partitions += segments;
      if (maxNumSegments != null && segments > maxNumSegments) {
        throw new FaultException(Fault.tooManySegmentsInTimeChunk(chunks.chunk(chunk.getKey()).toString(),
            (int) segments, maxNumSegments, segmentGranularity));
      }
    }
    if (partitions > MAX_PARTITIONS) {
      throw new FaultException(Fault.tooManyPartitions(MAX_PARTITIONS));
    }
  }

  /** Rows assigned so far per chunk by this instance: round robin keeps segments near rowsPerSegment. */
  private transient Map<Long, Long> assigned;
  /**
   * The side inputs, read once: everything here is in the global window, where a side input never
   * changes, and reading one per element costs as much as the rest of the step (Beam on Flink).
   */
  private transient Map<Long, Long> counts;
  private transient Map<Long, RangeBoundaries> boundaries;

  /** Rows gathered per partition until a batch is full or the bundle ends. */
  private transient PartitionBatches batches;

  @Setup
  public void setup() {
    assigned = new java.util.HashMap<>();
    batches = new PartitionBatches();
  }

  @ProcessElement
  public void process(ProcessContext context) {
    KV<Long, byte[]> element = context.element();
    if (counts == null) {
      counts = context.sideInput(chunkCounts);
      checkLimits(counts);
      boundaries = ranges == null ? null : context.sideInput(ranges);
    }
    int partition;
    if (ranges != null) {
      partition = boundaries.get(element.getKey()).partitionOf(rowCoder.stringValues(element.getValue(), keyPositions));
    } else {
      long rows = counts.getOrDefault(element.getKey(), 1L);
      int partitions = (int) Math.max(1, (rows + rowsPerSegment - 1) / rowsPerSegment);
      partition = partitions == 1 ? 0 : (int) (assigned.merge(element.getKey(), 1L, Long::sum) % partitions);
    }
    batches.add(KV.of(element.getKey(), partition), element.getValue(),
        (key, batch) -> context.output(KV.of(key, batch)));
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    batches.flush((key, batch) -> context.output(KV.of(key, batch), BoundedWindow.TIMESTAMP_MIN_VALUE,
        GlobalWindow.INSTANCE));
  }
}
