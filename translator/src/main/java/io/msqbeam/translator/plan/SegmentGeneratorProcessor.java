package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Writes the input rows as Druid segments: one time chunk per {@code segmentGranularity} bucket,
 * split into segments of about {@code rowsPerSegment} rows. {@code columnMappings} maps the input
 * stage's columns to the segment's columns; the one mapped to {@code __time} is the timestamp.
 *
 * <p>{@code rangeDimensions} are the output columns that range-partition each time chunk (Druid's
 * {@code range} shard specs, for REPLACE … CLUSTERED BY on leading string columns); empty means
 * numbered shard specs. As in Druid, a range only says which rows a segment holds, not how they
 * are sorted inside it ({@code segmentSortOrder} may sort them otherwise). Absent from JSON when empty.
 */
@JsonPropertyOrder({"dataSchema", "columnMappings", "tuningConfig", "rangeDimensions"})
public record SegmentGeneratorProcessor(DataSchema dataSchema, List<ColumnMapping> columnMappings, TuningConfig tuningConfig,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> rangeDimensions)
    implements java.io.Serializable, StageProcessor {
  public SegmentGeneratorProcessor {
    requireNonNull(dataSchema, "dataSchema is null");
    columnMappings = List.copyOf(requireNonNull(columnMappings, "columnMappings is null"));
    requireNonNull(tuningConfig, "tuningConfig is null");
    rangeDimensions = rangeDimensions == null ? List.of() : List.copyOf(rangeDimensions);
    java.util.Set<String> names = new java.util.HashSet<>();
    dataSchema.dimensions().forEach(dimension -> names.add(dimension.name()));
    if (!names.containsAll(rangeDimensions) || rangeDimensions.contains("__time")) {
      throw new IllegalArgumentException("rangeDimensions " + rangeDimensions + " must be dimensions other than __time");
    }
  }

  /** A generator with numbered shard specs. */
  public SegmentGeneratorProcessor(DataSchema dataSchema, List<ColumnMapping> columnMappings, TuningConfig tuningConfig) {
    this(dataSchema, columnMappings, tuningConfig, List.of());
  }

  /** Whether time chunks are split by ranges of {@link #rangeDimensions()} rather than round robin. */
  @JsonIgnore
  public boolean isRangePartitioned() {
    return !rangeDimensions.isEmpty();
  }

  /**
   * The target datasource, its dimensions (in segment order), its metrics and the time bucketing.
   *
   * <p>{@code metrics} are Druid's combining aggregators over columns of the same name (e.g.
   * {@code {"type":"longSum","name":"count","fieldName":"count"}}); with {@code rollup} true the
   * segment records them and its rollup flag, so Druid can roll the rows up further later. That
   * happens only for a GROUP BY with {@code finalizeAggregations: false} (Druid's rollup query);
   * otherwise every column is a dimension and rollup is false. Metrics are absent from JSON when empty.
   * {@code queryGranularity} is {@code none} unless a rollup's {@code __time} is a GROUP BY key flooring a
   * table's {@code __time} ({@link QueryGranularity}); the segment's metadata records it.
   *
   * <p>Rows are sorted by {@code __time}, then the dimensions in order — unless {@code __time} is
   * itself one of the dimensions (a LONG), which happens only with Druid's context
   * {@code forceSegmentSortByTime: false} when another column comes first: then rows are sorted by
   * the dimensions in order, {@code __time} at its place among them (Druid's {@code dimensionsSpec}
   * does the same).
   */
  @JsonPropertyOrder({"dataSource", "dimensions", "metrics", "segmentGranularity", "queryGranularity", "rollup",
      "orderedMultiValueDimensions"})
  public record DataSchema(String dataSource, List<ColumnSignature> dimensions,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AggregatorSpec> metrics, String segmentGranularity,
      QueryGranularity queryGranularity, boolean rollup,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> orderedMultiValueDimensions)
      implements java.io.Serializable {
    public DataSchema(String dataSource, List<ColumnSignature> dimensions, List<AggregatorSpec> metrics,
        String segmentGranularity, boolean rollup, List<String> orderedMultiValueDimensions) {
      this(dataSource, dimensions, metrics, segmentGranularity, QueryGranularity.NONE, rollup,
          orderedMultiValueDimensions);
    }

    /**
     * {@code orderedMultiValueDimensions}: STRING dimensions whose multi-value rows keep their order and
     * duplicates (Druid's {@code multiValueHandling: ARRAY}), as {@code arrayIngestMode: mvd} writes a
     * VARCHAR ARRAY; other multi-value strings are stored sorted (Druid's default). Absent when empty.
     */
    public DataSchema(String dataSource, List<ColumnSignature> dimensions, List<AggregatorSpec> metrics,
        String segmentGranularity, boolean rollup) {
      this(dataSource, dimensions, metrics, segmentGranularity, rollup, List.of());
    }

    public DataSchema {
      queryGranularity = queryGranularity == null ? QueryGranularity.NONE : queryGranularity;
      if (!rollup && !queryGranularity.isNone()) {
        throw new IllegalArgumentException("a query granularity needs rollup");
      }
      orderedMultiValueDimensions = orderedMultiValueDimensions == null ? List.of()
          : List.copyOf(orderedMultiValueDimensions);
      requireNonNull(dataSource, "dataSource is null");
      dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
      metrics = metrics == null ? List.of() : List.copyOf(metrics);
      requireNonNull(segmentGranularity, "segmentGranularity is null");
      if (!rollup && !metrics.isEmpty()) {
        throw new IllegalArgumentException("metrics " + metrics + " need rollup");
      }
      java.util.Set<String> names = new java.util.HashSet<>();
      for (ColumnSignature dimension : dimensions) {
        names.add(dimension.name());
      }
      for (AggregatorSpec metric : metrics) {
        if (metric.type() == AggregatorType.COUNT || metric.type() == AggregatorType.CARDINALITY
            || metric.filterColumn() != null || !names.add(metric.name())) {
          throw new IllegalArgumentException("metric " + metric + " is not a combining aggregator of its own column");
        }
      }
    }

    /** A schema without rollup: every column is a dimension. */
    public DataSchema(String dataSource, List<ColumnSignature> dimensions, String segmentGranularity) {
      this(dataSource, dimensions, List.of(), segmentGranularity, false);
    }

    /** This schema with segments of {@code granularity} ({@link QueryGranularity}). */
    public DataSchema withQueryGranularity(QueryGranularity granularity) {
      return new DataSchema(dataSource, dimensions, metrics, segmentGranularity, granularity, rollup,
          orderedMultiValueDimensions);
    }

    /** Whether segments are sorted by {@code __time} first (Druid's {@code forceSegmentSortByTime}). */
    public boolean forceSegmentSortByTime() {
      return dimensions.stream().noneMatch(dimension -> dimension.name().equals("__time"));
    }
  }

  /**
   * Limits of segment generation: rows per segment, rows buffered before a persist, and the most
   * segments one time chunk may get ({@code maxNumSegments}, null: no limit).
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record TuningConfig(int maxNumWorkers, int maxRowsInMemory, int rowsPerSegment, Integer maxNumSegments)
      implements java.io.Serializable {
    public TuningConfig {
      if (maxNumWorkers < 1 || maxRowsInMemory < 1 || rowsPerSegment < 1) {
        throw new IllegalArgumentException("tuning values must be positive");
      }
    }
  }
}
