package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/**
 * An aggregation in Druid's JSON ({@code {"type":"longSum","name":"a1","fieldName":"added"}}).
 * {@code fieldName} is null only for {@code count} of all rows (with a field, {@code count} counts
 * its non-null values). {@code filterColumn}, when set, names a boolean input column: only rows where
 * it is true are aggregated ({@code agg(…) FILTER (WHERE …)}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "name", "fieldName", "filterColumn"})
public record AggregatorSpec(AggregatorType type, String name, String fieldName, String filterColumn)
    implements java.io.Serializable {
  public AggregatorSpec {
    requireNonNull(type, "type is null");
    requireNonNull(name, "name is null");
    if (type != AggregatorType.COUNT) {
      requireNonNull(fieldName, "fieldName is null");
    }
  }

  public AggregatorSpec(AggregatorType type, String name, String fieldName) {
    this(type, name, fieldName, null);
  }

  /** The type this aggregator's values have. */
  public ColumnType outputType() {
    return type.outputType();
  }
}
