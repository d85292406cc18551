package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/**
 * An aggregation in Druid's JSON ({@code {"type":"longSum","name":"a1","fieldName":"added"}}).
 * {@code fieldName} is null only for {@code count} of all rows (with a field, {@code count} counts
 * its non-null values). {@code filterColumn}, when set, names a boolean input column: only rows where
 * it is true are aggregated ({@code agg(…) FILTER (WHERE …)}).
 *
 * <p>The other fields belong to some kinds only: {@code timeColumn} (a long input column) to
 * EARLIEST/LATEST; {@code maxBytes} to the string EARLIEST/LATEST/ANY_VALUE (values truncated to it)
 * and to ARRAY_AGG/STRING_AGG (the size the collection may not exceed); {@code separator} to
 * STRING_AGG; {@code elementType} (the field's type; for ARRAY_CONCAT_AGG its elements' type) to
 * ARRAY_AGG and ARRAY_CONCAT_AGG, whose output is an array of it;
 * {@code aggregateMultipleValues} to the string ANY_VALUE (false: a multi-value row gives its first
 * value rather than all of them as one string).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "name", "fieldName", "filterColumn", "timeColumn", "maxBytes", "separator", "elementType",
    "aggregateMultipleValues"})
public record AggregatorSpec(AggregatorType type, String name, String fieldName, String filterColumn,
    String timeColumn, Integer maxBytes, String separator, ColumnType elementType, Boolean aggregateMultipleValues)
    implements java.io.Serializable {
  /** Druid's default {@code maxBytesPerValue} and ARRAY_AGG/STRING_AGG size. */
  public static final int DEFAULT_MAX_BYTES = 1024;

  public AggregatorSpec {
    requireNonNull(type, "type is null");
    requireNonNull(name, "name is null");
    if (type != AggregatorType.COUNT) {
      requireNonNull(fieldName, "fieldName is null");
    }
    if (type.isTimed()) {
      requireNonNull(timeColumn, "timeColumn is null");
    }
    if (type == AggregatorType.ARRAY_AGG || type == AggregatorType.ARRAY_AGG_DISTINCT || type.isArrayConcat()) {
      requireNonNull(elementType, "elementType is null");
    }
  }

  public AggregatorSpec(AggregatorType type, String name, String fieldName, String filterColumn) {
    this(type, name, fieldName, filterColumn, null, null, null, null, null);
  }

  public AggregatorSpec(AggregatorType type, String name, String fieldName) {
    this(type, name, fieldName, null);
  }

  /** The type this aggregator's values have. */
  public ColumnType outputType() {
    return type.outputType() != null ? type.outputType() : elementType.arrayOf();
  }

  /**
   * The type of this aggregator's values when they are not finalized: a pair for EARLIEST/LATEST, a
   * sketch for APPROX_COUNT_DISTINCT (Druid's intermediate types), else {@link #outputType()}.
   */
  public ColumnType intermediateType() {
    if (type.isTimed()) {
      return outputType().pairOf();
    }
    return type.hasComplexIntermediate() ? ColumnType.HYPER_UNIQUE : outputType();
  }

  /** ANY_VALUE's {@code aggregateMultipleValues}, true unless the query said false (Druid's default). */
  public boolean aggregatesMultipleValues() {
    return aggregateMultipleValues == null || aggregateMultipleValues;
  }

  /** {@link #maxBytes}, or Druid's default when the query gave none. */
  public int maxBytesOrDefault() {
    return maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes;
  }
}
