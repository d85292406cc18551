package io.msqbeam.pipelines.segment;

import java.util.function.IntSupplier;
import org.apache.druid.segment.ColumnValueSelector;
import org.apache.druid.segment.column.ColumnCapabilities;
import org.apache.druid.segment.data.BitmapValues;
import org.apache.druid.segment.data.CloseableIndexed;

/**
 * One dimension of {@link BufferedRows}: its values by row, in arrival order, and what Druid's
 * segment merger asks of a dimension once the rows are in segment order.
 */
interface BufferedColumn {

  /**
   * Whether this column can hold {@code value}; a column refuses a whole row before any column has
   * taken a value, so a refused row leaves the buffer as it was.
   */
  boolean accepts(Object value);

  /** Appends {@code value}, which {@link #accepts} said it can hold. */
  void add(Object value);

  /** The value of buffered row {@code row}, as it was added (for replaying rows elsewhere). */
  Object value(int row);

  /** Whether buffered rows {@code a} and {@code b} hold the same value. */
  boolean sameValue(int a, int b);

  /**
   * Compares the values of buffered rows {@code a} and {@code b} as Druid's incremental index orders
   * rows at persist: nulls first, then strings by {@link String#compareTo} and numbers by value.
   */
  int compare(int a, int b);

  /** About how many bytes of heap the column's values take, arrays counted at their capacity. */
  long estimatedBytes();

  /** What Druid's merger needs to know about the column to pick its serializer. */
  ColumnCapabilities capabilities();

  /**
   * A selector of the value of the buffered row {@code row} returns, for the merger's row iteration.
   * String columns answer with ids in the sorted dictionary of {@link #sortedDictionary()}.
   */
  ColumnValueSelector<?> selector(IntSupplier row);

  /** The column's sorted dictionary, or {@code null} for columns without one. */
  CloseableIndexed<String> sortedDictionary();

  /**
   * Positions in segment order ({@code order[position]} is a buffered row) of the rows holding the
   * value with sorted dictionary id {@code sortedId}.
   */
  BitmapValues rowsWithValue(int sortedId, int[] order);
}
