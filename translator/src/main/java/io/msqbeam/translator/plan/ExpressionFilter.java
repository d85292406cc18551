package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static java.util.Objects.requireNonNull;

/** A row filter given as a Druid native expression, as Druid's {@code expression} dim filter. */
@JsonPropertyOrder({"type", "expression"})
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record ExpressionFilter(String expression) implements java.io.Serializable {
  public ExpressionFilter {
    requireNonNull(expression, "expression is null");
  }

  @JsonProperty("type")
  public String type() {
    return "expression";
  }
}
