package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * INSERT or REPLACE into a datasource. {@code replaceTimeChunks} is null for INSERT and lists the
 * intervals to overwrite for REPLACE. {@code segmentVersion} is the version new time chunks get;
 * {@code existingChunks} are the chunks an INSERT appends to, with their version and the first free
 * partition number. Both are fixed when the task takes its lock, so that all workers agree on them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DataSourceDestination(
    String dataSource, String segmentGranularity, List<String> replaceTimeChunks, String segmentVersion,
    List<ExistingChunk> existingChunks)
    implements java.io.Serializable, QueryDestination {
  public DataSourceDestination {
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(segmentGranularity, "segmentGranularity is null");
    replaceTimeChunks = replaceTimeChunks == null ? null : List.copyOf(replaceTimeChunks);
    requireNonNull(segmentVersion, "segmentVersion is null");
    existingChunks = existingChunks == null ? List.of() : List.copyOf(existingChunks);
  }

  public DataSourceDestination(
      String dataSource, String segmentGranularity, List<String> replaceTimeChunks, String segmentVersion) {
    this(dataSource, segmentGranularity, replaceTimeChunks, segmentVersion, List.of());
  }

  public boolean isReplace() {
    return replaceTimeChunks != null;
  }

  /** The same destination with the version and append targets allocated under the task's lock. */
  public DataSourceDestination withAllocation(String version, List<ExistingChunk> chunks) {
    return new DataSourceDestination(dataSource, segmentGranularity, replaceTimeChunks, version, chunks);
  }

  /** A published time chunk an INSERT may append to: its interval (ISO), version and next partition number. */
  public record ExistingChunk(String interval, String version, int nextPartitionNum) implements java.io.Serializable {
    public ExistingChunk {
      requireNonNull(interval, "interval is null");
      requireNonNull(version, "version is null");
    }
  }
}
