package io.msqbeam.pipelines.segment;

import static java.util.Objects.requireNonNull;

import org.apache.druid.data.input.impl.DimensionSchema;
import org.apache.druid.data.input.impl.DoubleDimensionSchema;
import org.apache.druid.data.input.impl.FloatDimensionSchema;
import org.apache.druid.data.input.impl.LongDimensionSchema;
import org.apache.druid.data.input.impl.StringDimensionSchema;
import org.apache.druid.segment.AutoTypeColumnSchema;
import org.apache.druid.segment.DimensionHandlerUtils;
import org.apache.druid.segment.column.ColumnCapabilities;
import org.apache.druid.segment.column.ColumnCapabilitiesImpl;

/**
 * One named, typed column of a segment. {@code keepsMultiValueOrder} makes a STRING column store its
 * multi-value rows as given (Druid's {@code multiValueHandling: ARRAY}) instead of sorted.
 */
public record SegmentColumn(String name, SegmentColumnType type, boolean keepsMultiValueOrder) {

  public SegmentColumn(String name, SegmentColumnType type) {
    this(name, type, false);
  }

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
      case STRING -> keepsMultiValueOrder
          ? new StringDimensionSchema(name, DimensionSchema.MultiValueHandling.ARRAY, null)
          : new StringDimensionSchema(name);
      case LONG -> new LongDimensionSchema(name);
      case FLOAT -> new FloatDimensionSchema(name);
      case DOUBLE -> new DoubleDimensionSchema(name);
      // MSQ writes ARRAY columns as auto-typed columns cast to the array type.
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> new AutoTypeColumnSchema(name, type.toDruid(), null);
      // As MSQ's DimensionSchemaUtils does for COMPLEX<json>: the schema of Druid's handler for the type.
      case JSON -> {
        ColumnCapabilities capabilities = ColumnCapabilitiesImpl.createDefault().setType(type.toDruid());
        yield DimensionHandlerUtils.getHandlerFromCapabilities(name, capabilities, null)
            .getDimensionSchema(capabilities);
      }
      case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR ->
          throw new IllegalArgumentException("Column [" + name + "] of type " + type + " can only be a metric");
    };
  }
}
