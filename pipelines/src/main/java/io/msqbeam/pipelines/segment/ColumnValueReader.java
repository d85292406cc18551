package io.msqbeam.pipelines.segment;

import io.msqbeam.pipelines.row.JsonValues;
import org.apache.druid.query.dimension.DefaultDimensionSpec;
import org.apache.druid.segment.ColumnSelectorFactory;
import org.apache.druid.segment.ColumnValueSelector;
import org.apache.druid.segment.DimensionSelector;

/**
 * Reads one column's value at a cursor's current row as the Java value our rows use.
 *
 * <p>Made once per column per scan, so the per-row work is one virtual call on an already-typed
 * Druid selector: {@code __time} and longs as {@link Long}, floats as {@link Float}, doubles as
 * {@link Double}, strings as {@link String} or, for a multi-value row, a {@code List<String>}; arrays
 * as {@code Object[]}; nested JSON as its plain tree ({@link JsonValues}); SQL nulls as {@code null}.
 */
@FunctionalInterface
interface ColumnValueReader {

  Object read();

  static ColumnValueReader of(ColumnSelectorFactory factory, String column, SegmentColumnType type) {
    return switch (type) {
      case STRING -> {
        // DimensionSelector.getObject(): null for no value, the String for one, a List for several.
        DimensionSelector selector = factory.makeDimensionSelector(DefaultDimensionSpec.of(column));
        yield selector::getObject;
      }
      case LONG -> {
        ColumnValueSelector<?> selector = factory.makeColumnValueSelector(column);
        yield () -> selector.isNull() ? null : (Object) selector.getLong();
      }
      case FLOAT -> {
        ColumnValueSelector<?> selector = factory.makeColumnValueSelector(column);
        yield () -> selector.isNull() ? null : (Object) selector.getFloat();
      }
      case DOUBLE -> {
        ColumnValueSelector<?> selector = factory.makeColumnValueSelector(column);
        yield () -> selector.isNull() ? null : (Object) selector.getDouble();
      }
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> {
        // An ARRAY column's selector gives Object[] of String, Long or Double (null for a null row).
        ColumnValueSelector<?> selector = factory.makeColumnValueSelector(column);
        yield selector::getObject;
      }
      case JSON -> {
        // A nested column's selector gives Druid's StructuredData wrapper (null for a null row).
        ColumnValueSelector<?> selector = factory.makeColumnValueSelector(column);
        yield () -> JsonValues.plain(selector.getObject());
      }
      case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR -> {
        ColumnValueSelector<?> selector = factory.makeColumnValueSelector(column);
        yield () -> ComplexValues.fromDruid(selector.getObject());
      }
    };
  }
}
