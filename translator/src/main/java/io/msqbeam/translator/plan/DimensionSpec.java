package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/** A grouping dimension: input column {@code dimension} output as {@code outputName}, Druid's {@code default} spec. */
@JsonPropertyOrder({"type", "dimension", "outputName", "outputType"})
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record DimensionSpec(String dimension, String outputName, ColumnType outputType) implements java.io.Serializable {
  public DimensionSpec {
    requireNonNull(dimension, "dimension is null");
    requireNonNull(outputName, "outputName is null");
    requireNonNull(outputType, "outputType is null");
  }

  @JsonProperty("type")
  public String type() {
    return "default";
  }
}
