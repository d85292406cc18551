package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ShuffleSpec;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.apache.druid.segment.nested.StructuredData;

/**
 * Orders rows by a shuffle spec's cluster key as Druid does: nulls first when ascending, strings
 * by Java's natural order, numbers numerically, {@code COMPLEX<json>} values by Druid's own
 * {@link StructuredData} order (MSQ sorts nested columns with it).
 */
final class RowOrdering implements Comparator<Object[]>, Serializable {
  private final int[] positions;
  private final boolean[] descending;
  private final boolean[] json;

  RowOrdering(List<ColumnSignature> signature, List<ShuffleSpec.KeyColumn> key) {
    List<String> names = signature.stream().map(ColumnSignature::name).toList();
    positions = new int[key.size()];
    descending = new boolean[key.size()];
    json = new boolean[key.size()];
    for (int i = 0; i < key.size(); i++) {
      positions[i] = names.indexOf(key.get(i).columnName());
      if (positions[i] < 0) {
        throw new IllegalArgumentException("Sort column " + key.get(i).columnName() + " not in " + names);
      }
      descending[i] = key.get(i).order() == ShuffleSpec.Order.DESCENDING;
      json[i] = signature.get(positions[i]).type() == ColumnType.JSON;
    }
  }

  /** Whether the ordering has key columns; without any, every order is the order. */
  boolean hasKey() {
    return positions.length > 0;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public int compare(Object[] a, Object[] b) {
    for (int i = 0; i < positions.length; i++) {
      Object x = a[positions[i]];
      Object y = b[positions[i]];
      int c;
      if (x == null || y == null) {
        c = x == y ? 0 : x == null ? -1 : 1;
      } else if (json[i]) {
        c = StructuredData.wrap(x).compareTo(StructuredData.wrap(y));
      } else if (x instanceof Number nx && y instanceof Number ny) {
        c = (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float)
            ? Double.compare(nx.doubleValue(), ny.doubleValue()) : Long.compare(nx.longValue(), ny.longValue());
      } else {
        c = ((Comparable) x.toString()).compareTo(y.toString());
      }
      if (c != 0) {
        return descending[i] ? -c : c;
      }
    }
    return 0;
  }
}
