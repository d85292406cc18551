package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A segment that has been written to deep storage and is ready to publish.
 *
 * <p>This is what the segment-generator stage emits, so it crosses Beam: every field is a
 * primitive or a String and the record is {@link Serializable}. {@link #payloadJson()} is Druid's
 * own {@code DataSegment} JSON, exactly what goes into the metadata store's {@code payload}
 * column and what a real Druid loads.
 *
 * @param segmentId Druid's segment id, {@code <ds>_<start>_<end>_<version>[_<partitionNum>]}
 * @param interval the ISO interval, {@code <start>/<end>}
 * @param numRows rows in the segment (after merging the persisted parts)
 * @param sizeBytes Druid's segment size, as in the payload's {@code size}: the bytes of the segment
 *     files once unzipped (what a historical needs on disk), not the zip's own, smaller size; this
 *     is what Druid's local pusher records and what {@code sys.segments} shows
 * @param path absolute path of {@code index.zip} in deep storage
 */
public record WrittenSegment(
    String segmentId,
    String dataSource,
    String interval,
    String version,
    int partitionNum,
    long numRows,
    long sizeBytes,
    String path,
    String payloadJson)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public WrittenSegment {
    requireNonNull(segmentId, "segmentId is null");
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(interval, "interval is null");
    requireNonNull(version, "version is null");
    requireNonNull(path, "path is null");
    requireNonNull(payloadJson, "payloadJson is null");
    if (partitionNum < 0) {
      throw new IllegalArgumentException("partitionNum is negative: " + partitionNum);
    }
  }
}
