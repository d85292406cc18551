package io.msqbeam.pipelines.segment;

import org.apache.druid.segment.column.ColumnType;

/**
 * The column types a segment we write may hold, named as Druid names them.
 *
 * <p>The primitive types and Druid's ARRAY columns of strings, longs and doubles (stored as Druid's
 * auto-typed columns, as MSQ writes them), Druid's nested {@code COMPLEX<json>} columns, and the
 * COMPLEX metrics of rolled-up segments: the {@code hyperUnique} sketch and the
 * {@code serializablePairLong*} pairs of EARLIEST/LATEST.
 */
public enum SegmentColumnType {
  STRING,
  LONG,
  FLOAT,
  DOUBLE,
  STRING_ARRAY,
  LONG_ARRAY,
  DOUBLE_ARRAY,
  JSON,
  HYPER_UNIQUE,
  LONG_STRING_PAIR,
  LONG_LONG_PAIR,
  LONG_FLOAT_PAIR,
  LONG_DOUBLE_PAIR;

  /** Druid's type for this column type. */
  ColumnType toDruid() {
    return switch (this) {
      case STRING -> ColumnType.STRING;
      case LONG -> ColumnType.LONG;
      case FLOAT -> ColumnType.FLOAT;
      case DOUBLE -> ColumnType.DOUBLE;
      case STRING_ARRAY -> ColumnType.STRING_ARRAY;
      case LONG_ARRAY -> ColumnType.LONG_ARRAY;
      case DOUBLE_ARRAY -> ColumnType.DOUBLE_ARRAY;
      case JSON -> ColumnType.NESTED_DATA;
      case HYPER_UNIQUE -> ColumnType.ofComplex("hyperUnique");
      case LONG_STRING_PAIR -> ColumnType.ofComplex("serializablePairLongString");
      case LONG_LONG_PAIR -> ColumnType.ofComplex("serializablePairLongLong");
      case LONG_FLOAT_PAIR -> ColumnType.ofComplex("serializablePairLongFloat");
      case LONG_DOUBLE_PAIR -> ColumnType.ofComplex("serializablePairLongDouble");
    };
  }

  /** The stored state of a rollup metric: a sketch or a time-value pair, never a dimension. */
  public boolean isRollupState() {
    return this == HYPER_UNIQUE || this == LONG_STRING_PAIR || this == LONG_LONG_PAIR || this == LONG_FLOAT_PAIR
        || this == LONG_DOUBLE_PAIR;
  }

  /** The Druid type of a column in a segment's row signature, or fails for types we don't read. */
  static SegmentColumnType fromDruid(String column, ColumnType type) {
    if (type == null) {
      throw new IllegalStateException("Column [" + column + "] has no type in the segment");
    }
    return switch (type.getType()) {
      case STRING -> STRING;
      case LONG -> LONG;
      case FLOAT -> FLOAT;
      case DOUBLE -> DOUBLE;
      case ARRAY -> switch (type.getElementType().getType()) {
        case STRING -> STRING_ARRAY;
        case LONG -> LONG_ARRAY;
        case FLOAT, DOUBLE -> DOUBLE_ARRAY;
        default -> throw new UnsupportedOperationException(
            "Column [" + column + "] has type [" + type + "], which segment reading does not support yet");
      };
      case COMPLEX -> {
        if (ColumnType.NESTED_DATA.equals(type)) {
          yield JSON;
        }
        for (SegmentColumnType candidate : values()) {
          if (candidate.isRollupState() && candidate.toDruid().equals(type)) {
            yield candidate;
          }
        }
        throw new UnsupportedOperationException(
            "Column [" + column + "] has type [" + type + "], which segment reading does not support yet");
      }
      default -> throw new UnsupportedOperationException(
          "Column [" + column + "] has type [" + type + "], which segment reading does not support yet");
    };
  }
}
