package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The {@code intervals} of a native query: {@code {"type":"intervals","intervals":[…]}}. */
@JsonPropertyOrder({"type", "intervals"})
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record QuerySegmentSpec(List<String> intervals) implements java.io.Serializable {
  public QuerySegmentSpec {
    intervals = List.copyOf(intervals);
  }

  public static QuerySegmentSpec eternity() {
    return new QuerySegmentSpec(Intervals.ETERNITY_LIST);
  }

  @JsonProperty("type")
  public String type() {
    return "intervals";
  }
}
