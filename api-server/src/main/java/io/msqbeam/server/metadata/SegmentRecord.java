package io.msqbeam.server.metadata;

import static java.util.Objects.requireNonNull;

/**
 * One segment as the metadata store keeps it: its identity, interval, version, partition, whether it is
 * used, and its Druid {@code DataSegment} JSON (load spec, dimensions, metrics, size).
 *
 * @param id Druid segment id, {@code <dataSource>_<start>_<end>_<version>[_<partitionNum>]}
 * @param startMillis interval start, inclusive, epoch milliseconds
 * @param endMillis interval end, exclusive, epoch milliseconds
 */
public record SegmentRecord(
    String id,
    String dataSource,
    long startMillis,
    long endMillis,
    String version,
    int partitionNum,
    boolean used,
    String payloadJson) {
  public SegmentRecord {
    requireNonNull(id, "id is null");
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(version, "version is null");
    requireNonNull(payloadJson, "payloadJson is null");
    if (endMillis < startMillis) {
      throw new IllegalArgumentException(
          "segment " + id + " ends (" + endMillis + ") before it starts (" + startMillis + ")");
    }
    if (partitionNum < 0) {
      throw new IllegalArgumentException("segment " + id + " has a negative partition number " + partitionNum);
    }
  }

  public SegmentRecord withUsed(boolean newUsed) {
    return new SegmentRecord(id, dataSource, startMillis, endMillis, version, partitionNum, newUsed, payloadJson);
  }
}
