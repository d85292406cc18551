package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How a stage's output is partitioned and sorted for the next stage, in Druid's JSON: by the
 * {@code clusterBy} key, into a fixed number of partitions ({@code maxCount}) or partitions of about
 * {@code targetSize} rows ({@code targetSize}); the first {@code bucketByCount} key columns form
 * buckets (time chunks) that never share a partition.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "clusterBy", "partitions", "targetSize", "aggregate", "limitHint"})
public record ShuffleSpec(Kind type, ClusterBy clusterBy, Integer partitions, Long targetSize, Boolean aggregate, Long limitHint) implements java.io.Serializable {
  public ShuffleSpec {
    requireNonNull(type, "type is null");
    requireNonNull(clusterBy, "clusterBy is null");
  }

  public static ShuffleSpec maxCount(ClusterBy clusterBy, int partitions, Boolean aggregate, Long limitHint) {
    return new ShuffleSpec(Kind.MAX_COUNT, clusterBy, partitions, null, aggregate, limitHint);
  }

  /** Hash partitioning by the key into {@code partitions}, each sorted by the key (a sort-merge join's input). */
  public static ShuffleSpec hash(ClusterBy clusterBy, int partitions) {
    return new ShuffleSpec(Kind.HASH, clusterBy, partitions, null, null, null);
  }

  public static ShuffleSpec targetSize(ClusterBy clusterBy, long targetSize) {
    return new ShuffleSpec(Kind.TARGET_SIZE, clusterBy, null, targetSize, null, null);
  }

  /** Druid's shuffle spec types. */
  public enum Kind {
    MAX_COUNT("maxCount"), TARGET_SIZE("targetSize"), HASH("hash");

    private final String druidName;

    Kind(String druidName) {
      this.druidName = druidName;
    }

    @JsonValue
    public String druidName() {
      return druidName;
    }
  }

  /** The shuffle key: ordered columns, the first {@code bucketByCount} of which are bucket columns. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record ClusterBy(List<KeyColumn> columns, int bucketByCount) implements java.io.Serializable {
    public ClusterBy {
      columns = List.copyOf(requireNonNull(columns, "columns is null"));
      if (bucketByCount < 0 || bucketByCount > columns.size()) {
        throw new IllegalArgumentException("bucketByCount out of range: " + bucketByCount);
      }
    }
  }

  /** One column of the shuffle key with its sort direction. */
  public record KeyColumn(String columnName, Order order) implements java.io.Serializable {
    public KeyColumn {
      requireNonNull(columnName, "columnName is null");
      requireNonNull(order, "order is null");
    }
  }

  /** Sort direction of a key column. */
  public enum Order {
    ASCENDING, DESCENDING
  }
}
