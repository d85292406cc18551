package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

import static java.util.Objects.requireNonNull;

/**
 * One window function of a {@link WindowProcessor}, by Druid's window processor kinds: a ranking
 * ({@code rowNumber}, {@code rank}, {@code denseRank}, {@code percentRank}, {@code cumeDist}, and
 * {@code ntile} with its bucket count as {@code argument}), a value taken from another row of the
 * partition ({@code offset}: LAG/LEAD with the signed row offset as {@code argument}; {@code first},
 * {@code last}) of {@code inputColumn}, or an aggregation over a {@link Frame}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "outputColumn", "inputColumn", "inputType", "argument", "aggregation", "frame"})
public record WindowFunction(Kind type, String outputColumn, String inputColumn, ColumnType inputType,
    Integer argument, AggregatorSpec aggregation, Frame frame) implements java.io.Serializable {
  public WindowFunction {
    requireNonNull(type, "type is null");
    requireNonNull(outputColumn, "outputColumn is null");
    if ((type == Kind.AGGREGATE) != (aggregation != null && frame != null)) {
      throw new IllegalArgumentException("an aggregate needs an aggregation and a frame, other kinds neither");
    }
    boolean valued = type == Kind.OFFSET || type == Kind.FIRST || type == Kind.LAST;
    if (valued != (inputColumn != null && inputType != null)) {
      throw new IllegalArgumentException(type + " needs an input column and its type exactly when it reads a value");
    }
    if ((type == Kind.OFFSET || type == Kind.NTILE) != (argument != null)) {
      throw new IllegalArgumentException(type + " takes an argument exactly when it is offset or ntile");
    }
    if (type == Kind.NTILE && argument < 1) {
      throw new IllegalArgumentException("ntile needs at least one bucket");
    }
  }

  /** A ranking of the partition's rows: no input, no frame. */
  public static WindowFunction ranking(Kind type, String outputColumn) {
    return new WindowFunction(type, outputColumn, null, null, null, null, null);
  }

  /** LAG (negative offset) or LEAD (positive) of {@code inputColumn}. */
  public static WindowFunction offset(String outputColumn, String inputColumn, ColumnType inputType, int offset) {
    return new WindowFunction(Kind.OFFSET, outputColumn, inputColumn, inputType, offset, null, null);
  }

  /** FIRST_VALUE or LAST_VALUE of {@code inputColumn}. */
  public static WindowFunction value(Kind type, String outputColumn, String inputColumn, ColumnType inputType) {
    return new WindowFunction(type, outputColumn, inputColumn, inputType, null, null, null);
  }

  public static WindowFunction ntile(String outputColumn, int buckets) {
    return new WindowFunction(Kind.NTILE, outputColumn, null, null, buckets, null, null);
  }

  public static WindowFunction aggregate(String outputColumn, AggregatorSpec aggregation, Frame frame) {
    return new WindowFunction(Kind.AGGREGATE, outputColumn, null, null, null, aggregation, frame);
  }

  public ColumnType outputType() {
    switch (type) {
      case AGGREGATE:
        return aggregation.outputType();
      case PERCENT_RANK:
      case CUME_DIST:
        return ColumnType.DOUBLE;
      case OFFSET:
      case FIRST:
      case LAST:
        return inputType;
      case ROW_NUMBER:
      case RANK:
      case DENSE_RANK:
      case NTILE:
        return ColumnType.LONG;
    }
    throw new AssertionError(type);
  }

  /** Kinds of window function, by their Druid processor names. */
  public enum Kind {
    ROW_NUMBER("rowNumber"), RANK("rank"), DENSE_RANK("denseRank"), PERCENT_RANK("percentRank"),
    CUME_DIST("cumeDist"), NTILE("ntile"), OFFSET("offset"), FIRST("first"), LAST("last"),
    AGGREGATE("framedAgg");

    private final String druidName;

    Kind(String druidName) {
      this.druidName = druidName;
    }

    @JsonValue
    public String druidName() {
      return druidName;
    }
  }

  /**
   * The rows an aggregate covers around the current row, as Druid's {@code WindowFrame}: counted in
   * rows ({@code ROWS}) or in peer groups, rows equal in the window's order ({@code RANGE}, which
   * Druid runs as groups). An offset is signed (negative = preceding); null is unbounded.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"peerType", "lowerOffset", "upperOffset"})
  public record Frame(PeerType peerType, Integer lowerOffset, Integer upperOffset) implements java.io.Serializable {
    public Frame {
      requireNonNull(peerType, "peerType is null");
    }

    /** The whole partition. */
    public static Frame unbounded() {
      return new Frame(PeerType.ROWS, null, null);
    }

    public boolean coversWholePartition() {
      return lowerOffset == null && upperOffset == null;
    }
  }

  /** What a frame's offsets count. */
  public enum PeerType {
    ROWS("rows"), GROUPS("groups");

    private final String jsonName;

    PeerType(String jsonName) {
      this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
      return jsonName;
    }
  }
}
