package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * INSERT or REPLACE into a datasource. {@code replaceTimeChunks} is null for INSERT and lists the
 * intervals to overwrite for REPLACE. {@code segmentVersion} is the version every new segment gets,
 * chosen when the plan is made so that all workers agree on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSourceDestination(
    String dataSource, String segmentGranularity, List<String> replaceTimeChunks, String segmentVersion)
    implements java.io.Serializable, QueryDestination {
  public DataSourceDestination {
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(segmentGranularity, "segmentGranularity is null");
    replaceTimeChunks = replaceTimeChunks == null ? null : List.copyOf(replaceTimeChunks);
    requireNonNull(segmentVersion, "segmentVersion is null");
  }
}
