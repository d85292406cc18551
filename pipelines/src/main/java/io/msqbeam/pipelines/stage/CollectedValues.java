package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.row.SortedValues;
import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.AggregatorType;
import io.msqbeam.translator.plan.ColumnType;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.druid.java.util.common.ISE;

/**
 * The accumulator of ARRAY_AGG, ARRAY_CONCAT_AGG and STRING_AGG: the values collected so far (in
 * arrival order, or distinct and sorted for DISTINCT) and their size as Druid estimates the accumulated array
 * ({@code NullableTypeStrategy.estimateSizeBytes}: a null flag byte, a 4-byte length, then per
 * element a null flag byte and 8 bytes for a number or a 4-byte length and the UTF-8 bytes for a
 * string). A collection larger than the aggregator's size fails the query with Druid's message, so
 * the collection never grows past that bound.
 *
 * <p>ARRAY_AGG keeps nulls and takes each value of a multi-value row (an empty one as a null);
 * ARRAY_CONCAT_AGG takes the elements of each non-null array; STRING_AGG skips nulls and collects
 * values as strings.
 */
final class CollectedValues implements Serializable {
  private static final int ARRAY_OVERHEAD = 1 + 4;

  private final List<Object> values = new ArrayList<>();
  private int sizeBytes = ARRAY_OVERHEAD;

  /** Adds one row's value of the aggregator's field. */
  static CollectedValues add(AggregatorSpec spec, CollectedValues collected, Object value) {
    if (spec.type().isArrayConcat()) {
      return concat(spec, collected, value);
    }
    CollectedValues target = collected == null ? new CollectedValues() : collected;
    boolean strings = spec.type() == AggregatorType.STRING_AGG || spec.type() == AggregatorType.STRING_AGG_DISTINCT;
    if (value instanceof List<?> multiValue) {
      if (multiValue.isEmpty() && !strings) {
        target.addOne(spec, null);
      }
      for (Object element : multiValue) {
        target.addElement(spec, element, strings);
      }
    } else {
      target.addElement(spec, value, strings);
    }
    return target;
  }

  /** ARRAY_CONCAT_AGG: a null array is skipped (nothing is collected yet if all are), its null elements kept. */
  private static CollectedValues concat(AggregatorSpec spec, CollectedValues collected, Object array) {
    if (array == null) {
      return collected;
    }
    CollectedValues target = collected == null ? new CollectedValues() : collected;
    Iterable<?> elements = array instanceof Object[] values ? java.util.Arrays.asList(values) : (List<?>) array;
    for (Object element : elements) {
      target.addElement(spec, element, false);
    }
    return target;
  }

  /** Adds {@code other}'s values to {@code into} (a new collection when null); {@code other} is never changed. */
  static CollectedValues merge(AggregatorSpec spec, CollectedValues into, CollectedValues other) {
    if (other == null) {
      return into;
    }
    CollectedValues target = into == null ? new CollectedValues() : into;
    for (Object value : other.values) {
      target.addOne(spec, value);
    }
    return target;
  }

  /** The finished value: an array for ARRAY_AGG, the joined string for STRING_AGG; null when nothing was collected. */
  static Object finish(AggregatorSpec spec, CollectedValues collected) {
    if (collected == null) {
      return null;
    }
    if (spec.type() == AggregatorType.STRING_AGG || spec.type() == AggregatorType.STRING_AGG_DISTINCT) {
      if (collected.values.isEmpty()) {
        return null;
      }
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < collected.values.size(); i++) {
        if (i > 0) {
          joined.append(spec.separator());
        }
        joined.append(collected.values.get(i));
      }
      return joined.toString();
    }
    return collected.values.toArray();
  }

  List<Object> values() {
    return Collections.unmodifiableList(values);
  }

  /** A collection decoded from its values (each already of the element type). */
  static CollectedValues of(List<Object> values) {
    CollectedValues collected = new CollectedValues();
    for (Object value : values) {
      collected.values.add(value);
      collected.sizeBytes += sizeOf(value);
    }
    return collected;
  }

  private void addElement(AggregatorSpec spec, Object element, boolean strings) {
    if (strings) {
      if (element != null) {
        addOne(spec, element.toString());
      }
    } else {
      addOne(spec, element == null ? null : typed(element, spec.elementType()));
    }
  }

  private void addOne(AggregatorSpec spec, Object value) {
    if (spec.type().isDistinctCollection()) {
      int at = Collections.binarySearch(values, value, SortedValues.ORDER);
      if (at >= 0) {
        return;
      }
      values.add(-at - 1, value);
    } else {
      values.add(value);
    }
    sizeBytes += sizeOf(value);
    if (sizeBytes > spec.maxBytesOrDefault()) {
      throw new ISE("Exceeded memory usage when aggregating type [%s], size [%s] is larger than max [%s]",
          arrayTypeName(spec), sizeBytes, spec.maxBytesOrDefault());
    }
  }

  private static String arrayTypeName(AggregatorSpec spec) {
    return spec.elementType() == null ? ColumnType.STRING_ARRAY.druidName() : spec.elementType().arrayOf().druidName();
  }

  private static Object typed(Object value, ColumnType type) {
    return switch (type) {
      case LONG -> value instanceof Number number ? (Object) number.longValue() : Long.valueOf(value.toString());
      case FLOAT, DOUBLE -> value instanceof Number number ? (Object) number.doubleValue()
          : Double.valueOf(value.toString());
      default -> value.toString();
    };
  }

  private static int sizeOf(Object value) {
    if (value == null) {
      return 1;
    }
    if (value instanceof String string) {
      return 1 + 4 + string.getBytes(StandardCharsets.UTF_8).length;
    }
    return 1 + 8;
  }
}
