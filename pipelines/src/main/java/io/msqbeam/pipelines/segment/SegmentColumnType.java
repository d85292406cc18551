package io.msqbeam.pipelines.segment;

import org.apache.druid.segment.column.ColumnType;

/**
 * The column types a segment we write may hold, named as Druid names them.
 *
 * <p>The primitive types and Druid's ARRAY columns of strings, longs and doubles (stored as Druid's
 * auto-typed columns, as MSQ writes them), and Druid's nested {@code COMPLEX<json>} columns; complex
 * metrics are not read yet.
 */
public enum SegmentColumnType {
  STRING,
  LONG,
  FLOAT,
  DOUBLE,
  STRING_ARRAY,
  LONG_ARRAY,
  DOUBLE_ARRAY,
  JSON;

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
    };
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
        throw new UnsupportedOperationException(
            "Column [" + column + "] has type [" + type + "], which segment reading does not support yet");
      }
      default -> throw new UnsupportedOperationException(
          "Column [" + column + "] has type [" + type + "], which segment reading does not support yet");
    };
  }
}
