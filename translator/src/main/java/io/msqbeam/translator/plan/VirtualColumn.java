package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/** A column computed from a Druid native expression, as Druid's {@code expression} virtual column. */
@JsonPropertyOrder({"type", "name", "expression", "outputType"})
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record VirtualColumn(String name, String expression, ColumnType outputType) implements java.io.Serializable {
  public VirtualColumn {
    requireNonNull(name, "name is null");
    requireNonNull(expression, "expression is null");
    requireNonNull(outputType, "outputType is null");
  }

  @JsonProperty("type")
  public String type() {
    return "expression";
  }
}
