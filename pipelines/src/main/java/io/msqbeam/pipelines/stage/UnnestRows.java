package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.expr.RowExpression;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.UnnestDataSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * The per-row logic of an {@code unnest} data source, shared by Beam and the in-process executor:
 * evaluates the array expression on a row and emits the row once per element, the element appended.
 * A row's output is as long as its own array, so nothing is held beyond one row's elements.
 */
final class UnnestRows {
  private final RowExpression array;
  private final UnnestDataSource unnest;
  private final int stringColumn;

  UnnestRows(UnnestDataSource unnest, List<ColumnSignature> baseSignature) {
    this.unnest = unnest;
    this.array = new RowExpression(unnest.virtualColumn().expression(), baseSignature);
    String column = unnest.virtualColumn().outputType().isArray() ? null
        : RowExpression.identifier(unnest.virtualColumn().expression());
    this.stringColumn = column == null ? -1
        : baseSignature.stream().map(ColumnSignature::name).toList().indexOf(column);
    if (!unnest.virtualColumn().outputType().isArray() && stringColumn < 0) {
      throw new IllegalArgumentException("a multi-value string is unnested from one of the rows' columns, not "
          + unnest.virtualColumn().expression());
    }
  }

  void expand(Object[] row, Consumer<Object[]> out) {
    for (Object element : elements(row)) {
      Object[] expanded = new Object[row.length + 1];
      System.arraycopy(row, 0, expanded, 0, row.length);
      expanded[row.length] = element;
      out.accept(expanded);
    }
  }

  private Object[] elements(Object[] row) {
    if (unnest.virtualColumn().outputType().isArray()) {
      Object[] elements = (Object[]) array.evaluate(row, unnest.virtualColumn().outputType());
      return elements == null ? new Object[0] : elements;
    }
    // A multi-value string: its values, or one null for a row without any (Druid's dimension unnest).
    Object value = row[stringColumn];
    if (value instanceof List<?> values) {
      return values.isEmpty() ? new Object[] {null} : values.toArray();
    }
    return new Object[] {value};
  }
}
