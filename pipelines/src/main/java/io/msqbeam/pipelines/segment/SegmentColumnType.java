package io.msqbeam.pipelines.segment;

import org.apache.druid.segment.column.ColumnType;

/**
 * The column types a segment we write may hold, named as Druid names them.
 *
 * <p>Only the primitive types for now; complex metrics and arrays arrive with rollup.
 */
public enum SegmentColumnType {
  STRING,
  LONG,
  FLOAT,
  DOUBLE;

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
      default -> throw new UnsupportedOperationException(
          "Column [" + column + "] has type [" + type + "], which segment reading does not support yet");
    };
  }
}
