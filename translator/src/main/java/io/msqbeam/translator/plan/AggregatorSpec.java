package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/**
 * An aggregation in Druid's JSON ({@code {"type":"longSum","name":"a1","fieldName":"added"}}).
 * {@code fieldName} is null only for {@code count}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "name", "fieldName"})
public record AggregatorSpec(AggregatorType type, String name, String fieldName) implements java.io.Serializable {
  public AggregatorSpec {
    requireNonNull(type, "type is null");
    requireNonNull(name, "name is null");
    if (type != AggregatorType.COUNT) {
      requireNonNull(fieldName, "fieldName is null");
    }
  }

  /** The type this aggregator's values have. */
  public ColumnType outputType() {
    return type.outputType();
  }
}
