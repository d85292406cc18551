package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A Druid datasource read by a stage. The segments to read are resolved when the plan is made (as
 * Druid's controller does), so pipelines never ask the server which files exist.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TableInputSpec(
    String dataSource, List<String> intervals, List<SegmentFile> segments, List<ColumnSignature> signature) implements java.io.Serializable, InputSpec {
  public TableInputSpec {
    requireNonNull(dataSource, "dataSource is null");
    intervals = List.copyOf(requireNonNull(intervals, "intervals is null"));
    segments = segments == null ? List.of() : List.copyOf(segments);
    signature = signature == null ? List.of() : List.copyOf(signature);
  }

  /**
   * One published segment: its id, where its {@code index.zip} lives in deep storage, and the parts
   * of its interval not overshadowed by newer versions (null or empty: all of it).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record SegmentFile(String segmentId, String path, List<String> visibleIntervals) implements java.io.Serializable {
    public SegmentFile {
      requireNonNull(segmentId, "segmentId is null");
      requireNonNull(path, "path is null");
      visibleIntervals = visibleIntervals == null ? List.of() : List.copyOf(visibleIntervals);
    }

    public SegmentFile(String segmentId, String path) {
      this(segmentId, path, List.of());
    }
  }
}
