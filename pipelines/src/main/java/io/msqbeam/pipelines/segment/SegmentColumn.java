package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import org.apache.druid.data.input.impl.DimensionSchema;
import org.apache.druid.data.input.impl.DoubleDimensionSchema;
import org.apache.druid.data.input.impl.FloatDimensionSchema;
import org.apache.druid.data.input.impl.LongDimensionSchema;
import org.apache.druid.data.input.impl.StringDimensionSchema;

/** One named, typed column of a segment. */
public record SegmentColumn(String name, SegmentColumnType type) {

  public SegmentColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name is empty");
    }
    if (SegmentSchema.TIME_COLUMN.equals(name)) {
      throw new IllegalArgumentException("__time is the segment's timestamp, not a dimension");
    }
  }

  /**
   * Druid's dimension schema for this column. Strings keep Druid's default multi-value handling
   * ({@code SORTED_ARRAY}), as an MSQ ingestion does: the values of a multi-value row are stored
   * sorted.
   */
  DimensionSchema toDimensionSchema() {
    return switch (type) {
      case STRING -> new StringDimensionSchema(name);
      case LONG -> new LongDimensionSchema(name);
      case FLOAT -> new FloatDimensionSchema(name);
      case DOUBLE -> new DoubleDimensionSchema(name);
    };
  }
}
