package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Druid's {@code unnest} data source: each row of {@code base} repeated once per element of the
 * array its {@code virtualColumn} evaluates to, with that element appended as the virtual column's
 * name ({@code CROSS JOIN UNNEST(expr) AS t(col)}). Elements keep their order and nulls are kept; a
 * null or empty array gives the row no output. The virtual column's type is the array's type, or
 * STRING for a multi-value string unnested directly (Druid's planner turns {@code MV_TO_ARRAY(dim)}
 * into the dimension itself): then each value is an element and a row without values gives one null,
 * as grouping on a multi-value string does.
 */
@JsonPropertyOrder({"type", "base", "virtualColumn"})
public record UnnestDataSource(QueryDataSource base, VirtualColumn virtualColumn) implements QueryDataSource {
  public UnnestDataSource {
    requireNonNull(base, "base is null");
    requireNonNull(virtualColumn, "virtualColumn is null");
    if (!virtualColumn.outputType().isArray() && virtualColumn.outputType() != ColumnType.STRING) {
      throw new IllegalArgumentException("an unnested expression must be an array or a string, not "
          + virtualColumn.outputType());
    }
  }

  /** The type of the unnested column: the array's element type. */
  public ColumnType elementType() {
    return virtualColumn.outputType().isArray() ? virtualColumn.outputType().elementType() : ColumnType.STRING;
  }

  @Override
  public List<Integer> inputNumbers() {
    return base.inputNumbers();
  }

  @Override
  public QueryDataSource shifted(int offset) {
    return new UnnestDataSource(base.shifted(offset), virtualColumn);
  }
}
