package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The group keys of one row whose dimensions may hold multi-value strings ({@code List<String>}).
 *
 * <p>Druid's groupBy unnests them implicitly (context {@code groupByEnableMultiValueUnnesting},
 * default true): the row counts once for each of its values, a row of several multi-value
 * dimensions once per combination, and an empty multi-value row as one null value (so Druid's
 * {@code foo} grouped by {@code dim3} gives null:2, '':1, a:1, b:2, c:1, d:1, MSQ's
 * {@code testGroupByWithMultiValue}). With the parameter false a multi-value dimension fails the
 * query with the fault MSQ raises ({@code QueryRuntimeError}, MSQ's {@code testGroupByWithMultiValueWithoutGroupByEnable}).
 */
final class MultiValueKeys {
  static final String CONTEXT_KEY = "groupByEnableMultiValueUnnesting";

  private final List<String> dimensions;
  private final boolean unnest;

  /** @param dimensions the dimension names, in key order (they name the column in the fault) */
  MultiValueKeys(List<String> dimensions, boolean unnest) {
    this.dimensions = List.copyOf(dimensions);
    this.unnest = unnest;
  }

  /** The context parameter as Druid reads it: true unless set to false (a Boolean or its text). */
  static boolean unnests(Map<String, Object> context) {
    Object value = context == null ? null : context.get(CONTEXT_KEY);
    return value == null || Boolean.parseBoolean(value.toString());
  }

  /** The keys of a row whose first {@code dimensions.size()} values are the dimension values. */
  List<Object[]> of(Object[] projected) {
    int count = dimensions.size();
    Object[] key = new Object[count];
    System.arraycopy(projected, 0, key, 0, count);
    int first = firstMultiValue(key, 0);
    if (first < 0) {
      return List.<Object[]>of(key);
    }
    List<Object[]> keys = new ArrayList<>();
    expand(key, first, keys);
    return keys;
  }

  private void expand(Object[] key, int position, List<Object[]> keys) {
    if (position < 0) {
      keys.add(key);
      return;
    }
    List<?> values = (List<?>) key[position];
    if (values.isEmpty()) {
      Object[] next = key.clone();
      next[position] = null;
      expand(next, firstMultiValue(next, position + 1), keys);
      return;
    }
    for (Object value : values) {
      Object[] next = key.clone();
      next[position] = value;
      expand(next, firstMultiValue(next, position + 1), keys);
    }
  }

  private int firstMultiValue(Object[] key, int from) {
    for (int i = from; i < key.length; i++) {
      if (key[i] instanceof List) {
        if (!unnest) {
          String column = dimensions.get(i);
          throw new FaultException(Fault.queryRuntimeError("Column [" + column + "] is a multi-value string."
              + " Please wrap the column using MV_TO_ARRAY() to proceed further.", "Encountered multi-value dimension ["
              + column + "] that cannot be processed with '" + CONTEXT_KEY + "' set to false. Consider setting '"
              + CONTEXT_KEY + "' to true in your query context."));
        }
        return i;
      }
    }
    return -1;
  }
}
