package io.msqbeam.translator.catalog;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One row of Druid's {@code sys.segments}, in its column order. Druid stores booleans as longs
 * (1/0) so that {@code SUM(is_active)} counts; {@code start} and {@code end} are ISO instants.
 *
 * @param shardSpec the segment's shard spec as JSON; nullable
 * @param dimensions the dimension names as a JSON array; nullable
 * @param metrics the metric names as a JSON array; nullable
 * @param lastCompactionState as JSON; null unless the segment was written with compaction state
 * @param replicationFactor replicas the load rules ask for; -1 when unknown
 */
public record SegmentRow(
    String segmentId,
    String dataSource,
    String start,
    String end,
    long size,
    String version,
    long partitionNum,
    long numReplicas,
    long numRows,
    long isActive,
    long isPublished,
    long isAvailable,
    long isRealtime,
    long isOvershadowed,
    String shardSpec,
    String dimensions,
    String metrics,
    String lastCompactionState,
    long replicationFactor) {
  public SegmentRow {
    requireNonNull(segmentId, "segmentId is null");
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    requireNonNull(version, "version is null");
  }

  /** The values in {@code sys.segments} column order. */
  public List<Object> values() {
    return Arrays.asList(segmentId, dataSource, start, end, size, version, partitionNum, numReplicas, numRows,
        isActive, isPublished, isAvailable, isRealtime, isOvershadowed, shardSpec, dimensions, metrics,
        lastCompactionState, replicationFactor);
  }
}
