package io.msqbeam.pipelines.row;

import java.util.Comparator;

/**
 * The order of one column's values used by ANY_VALUE, the DISTINCT collections and tie-breaks:
 * null first, then the values' natural order (numbers by value, strings by UTF-16 code units, as
 * Druid's type strategies compare them).
 */
public final class SortedValues {
  public static final Comparator<Object> ORDER = SortedValues::compare;

  private SortedValues() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  }
}
