package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import static java.util.Objects.requireNonNull;

/**
 * One window function of a {@link WindowProcessor}: a ranking ({@code rowNumber}, {@code rank},
 * {@code denseRank}) or an aggregation over a frame: the whole partition, or from its first row to the
 * current row and its peers ({@code cumulativeRange}, SQL's default with ORDER BY) or to the current
 * row alone ({@code cumulativeRows}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WindowFunction(Kind type, String outputColumn, AggregatorSpec aggregation, Frame frame)
    implements java.io.Serializable {
  public WindowFunction {
    requireNonNull(type, "type is null");
    requireNonNull(outputColumn, "outputColumn is null");
    if ((type == Kind.AGGREGATE) != (aggregation != null && frame != null)) {
      throw new IllegalArgumentException("an aggregate needs an aggregation and a frame, a ranking neither");
    }
  }

  public ColumnType outputType() {
    return type == Kind.AGGREGATE ? aggregation.outputType() : ColumnType.LONG;
  }

  /** Kinds of window function, by their Druid processor names. */
  public enum Kind {
    ROW_NUMBER("rowNumber"), RANK("rank"), DENSE_RANK("denseRank"), AGGREGATE("framedAgg");

    private final String druidName;

    Kind(String druidName) {
      this.druidName = druidName;
    }

    @JsonValue
    public String druidName() {
      return druidName;
    }
  }

  /** The rows an aggregate covers. */
  public enum Frame {
    PARTITION("partition"), CUMULATIVE_RANGE("cumulativeRange"), CUMULATIVE_ROWS("cumulativeRows");

    private final String jsonName;

    Frame(String jsonName) {
      this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
      return jsonName;
    }
  }
}
