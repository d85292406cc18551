package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.druid.data.input.StringTuple;
import org.apache.druid.timeline.partition.DimensionRangeShardSpec;
import org.apache.druid.timeline.partition.NumberedShardSpec;
import org.apache.druid.timeline.partition.ShardSpec;

/**
 * How a written segment is placed in its time chunk: Druid's {@code numbered} shard spec (any row
 * may be in any partition) or a {@code range} shard spec that promises every row's key on
 * {@code dimensions} lies in [{@code start}, {@code end}), which lets Druid prune segments by filter.
 * The partition number is the writer's, so one value describes the layout for every partition.
 */
public sealed interface SegmentShardSpec extends Serializable {

  /** Druid's shard spec for the segment with this partition number. */
  ShardSpec toDruid(int partitionNum);

  /** Numbered partitions with no core partition set ({@code partitions: 0}), as MSQ writes for INSERT. */
  static SegmentShardSpec numbered() {
    return new Numbered();
  }

  /** A range shard spec; a null {@code start} or {@code end} is open (the first or the last range). */
  static SegmentShardSpec range(List<String> dimensions, List<String> start, List<String> end, int numCorePartitions) {
    return new Range(dimensions, start, end, numCorePartitions);
  }

  /** Any row may be in any partition of the chunk. */
  record Numbered() implements SegmentShardSpec {
    @Override
    public ShardSpec toDruid(int partitionNum) {
      return new NumberedShardSpec(partitionNum, 0);
    }
  }

  /**
   * Rows whose key on {@code dimensions} is in [{@code start}, {@code end}); the key lists may hold
   * nulls (Druid sorts null first), so they are copied without {@code List.copyOf}.
   */
  record Range(List<String> dimensions, List<String> start, List<String> end, int numCorePartitions)
      implements SegmentShardSpec {
    public Range {
      dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
      start = copyKey(start, dimensions.size());
      end = copyKey(end, dimensions.size());
      if (numCorePartitions < 1) {
        throw new IllegalArgumentException("numCorePartitions must be positive: " + numCorePartitions);
      }
    }

    @Override
    public ShardSpec toDruid(int partitionNum) {
      return new DimensionRangeShardSpec(dimensions, null, tuple(start), tuple(end), partitionNum, numCorePartitions);
    }

    private static List<String> copyKey(List<String> key, int size) {
      if (key == null) {
        return null;
      }
      if (key.size() != size) {
        throw new IllegalArgumentException("key " + key + " does not have " + size + " values");
      }
      return Collections.unmodifiableList(new ArrayList<>(key));
    }

    private static StringTuple tuple(List<String> key) {
      return key == null ? null : StringTuple.create(key.toArray(new String[0]));
    }
  }
}
