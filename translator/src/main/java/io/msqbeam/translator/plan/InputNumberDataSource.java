package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The data source of a stage's native query: "the stage's input number N", as in Druid's MSQ. */
@JsonPropertyOrder({"type", "inputNumber"})
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record InputNumberDataSource(int inputNumber) implements java.io.Serializable {
  @JsonProperty("type")
  public String type() {
    return "inputNumber";
  }
}
