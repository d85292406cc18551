package io.msqbeam.pipelines.segment;

import it.unimi.dsi.fastutil.ints.IntIterator;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.druid.query.filter.DruidPredicateFactory;
import org.apache.druid.query.filter.ValueMatcher;
import org.apache.druid.query.monomorphicprocessing.RuntimeShapeInspector;
import org.apache.druid.segment.ColumnValueSelector;
import org.apache.druid.segment.DimensionSelector;
import org.apache.druid.segment.IdLookup;
import org.apache.druid.segment.column.ColumnCapabilities;
import org.apache.druid.segment.column.ColumnCapabilitiesImpl;
import org.apache.druid.segment.column.ColumnType;
import org.apache.druid.segment.data.BitmapValues;
import org.apache.druid.segment.data.CloseableIndexed;
import org.apache.druid.segment.data.IndexedInts;
import org.apache.druid.segment.data.SingleIndexedInt;

/**
 * A single-valued STRING dimension: each distinct value gets an id as it first arrives, rows keep
 * ids. The dictionary is sorted once, when the merger first asks for it, as Druid's own indexer
 * sorts its dictionary at persist (nulls first, then {@link String#compareTo} order).
 */
final class BufferedStringColumn implements BufferedColumn {
  private static final Comparator<String> DRUID_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());
  /**
   * Heap per distinct value besides its characters: the String and its array headers, the list
   * slot, the hash map's key and value slots at its load factor, and later the sorted copies.
   */
  private static final int VALUE_OVERHEAD_BYTES = 96;

  private final Object2IntOpenHashMap<String> idsByValue = new Object2IntOpenHashMap<>();
  private final List<String> values = new ArrayList<>();
  private int[] rowIds = new int[1024];
  private int rows;
  /** Heap taken by the distinct values and their map entries, as {@link #estimatedBytes} counts it. */
  private long dictionaryBytes;

  /** Arrival id → sorted id, and sorted id → value, once sorted. */
  private int[] sortedIds;
  private String[] sortedValues;
  /** Rows grouped by sorted id: {@code positions[starts[id]..starts[id + 1])}, in segment order. */
  private int[] starts;
  private int[] positions;

  BufferedStringColumn() {
    idsByValue.defaultReturnValue(-1);
  }

  @Override
  public boolean accepts(Object value) {
    return value == null || value instanceof String;
  }

  @Override
  public void add(Object value) {
    String string = (String) value;
    // One probe whether the value is new (most are, in a near-unique column) or not.
    int id = idsByValue.putIfAbsent(string, values.size());
    if (id < 0) {
      id = values.size();
      values.add(string);
      dictionaryBytes += VALUE_OVERHEAD_BYTES + (string == null ? 0 : 2L * string.length());
    }
    if (rows == rowIds.length) {
      rowIds = Arrays.copyOf(rowIds, rows * 2);
    }
    rowIds[rows++] = id;
  }

  @Override
  public long estimatedBytes() {
    return rowIds.length * 4L + dictionaryBytes;
  }

  @Override
  public Object value(int row) {
    return values.get(rowIds[row]);
  }

  @Override
  public boolean sameValue(int a, int b) {
    return rowIds[a] == rowIds[b];
  }

  @Override
  public int compare(int a, int b) {
    sort();
    return Integer.compare(sortedIds[rowIds[a]], sortedIds[rowIds[b]]);
  }

  @Override
  public ColumnCapabilities capabilities() {
    return ColumnCapabilitiesImpl.createDefault()
        .setType(ColumnType.STRING)
        .setDictionaryEncoded(true)
        .setDictionaryValuesUnique(true)
        .setHasBitmapIndexes(true)
        .setHasMultipleValues(false)
        .setHasNulls(idsByValue.containsKey(null));
  }

  @Override
  public ColumnValueSelector<?> selector(IntSupplier row) {
    sort();
    return new SortedIdSelector(row);
  }

  @Override
  public CloseableIndexed<String> sortedDictionary() {
    sort();
    return new SortedValues(sortedValues);
  }

  @Override
  public BitmapValues rowsWithValue(int sortedId, int[] order) {
    sort();
    if (positions == null) {
      groupPositionsByValue(order);
    }
    if (sortedId < 0 || sortedId >= sortedValues.length) {
      return BitmapValues.EMPTY;
    }
    int from = starts[sortedId];
    int to = starts[sortedId + 1];
    return new BitmapValues() {
      @Override
      public int size() {
        return to - from;
      }

      @Override
      public IntIterator iterator() {
        return it.unimi.dsi.fastutil.ints.IntIterators.wrap(positions, from, to - from);
      }
    };
  }

  private void sort() {
    if (sortedValues != null) {
      return;
    }
    // Sorting the strings themselves (not ids compared through a list), without a comparator, is
    // the fastest sort of them; null, if any, goes first as in Druid's dictionaries.
    boolean hasNull = idsByValue.containsKey(null);
    sortedValues = new String[values.size()];
    int next = hasNull ? 1 : 0;
    for (String value : values) {
      if (value != null) {
        sortedValues[next++] = value;
      }
    }
    Arrays.sort(sortedValues, hasNull ? 1 : 0, sortedValues.length);
    sortedIds = new int[sortedValues.length];
    for (int sorted = 0; sorted < sortedValues.length; sorted++) {
      sortedIds[idsByValue.getInt(sortedValues[sorted])] = sorted;
    }
  }

  /** A counting sort of segment positions by sorted id: each value's positions come out ascending. */
  private void groupPositionsByValue(int[] order) {
    starts = new int[sortedValues.length + 1];
    for (int position = 0; position < order.length; position++) {
      starts[sortedIds[rowIds[order[position]]] + 1]++;
    }
    for (int id = 0; id < sortedValues.length; id++) {
      starts[id + 1] += starts[id];
    }
    int[] next = Arrays.copyOf(starts, sortedValues.length);
    positions = new int[order.length];
    for (int position = 0; position < order.length; position++) {
      positions[next[sortedIds[rowIds[order[position]]]]++] = position;
    }
  }

  /** Drops the grouping of {@link #rowsWithValue}, which the merger reads one column at a time. */
  void releaseRowGroups() {
    starts = null;
    positions = null;
  }

  /** The merger's view of the current row: one sorted dictionary id. */
  private final class SortedIdSelector implements DimensionSelector {
    private final IntSupplier row;
    private final SingleIndexedInt id = new SingleIndexedInt();

    SortedIdSelector(IntSupplier row) {
      this.row = row;
    }

    @Override
    public IndexedInts getRow() {
      id.setValue(sortedIds[rowIds[row.getAsInt()]]);
      return id;
    }

    @Override
    public Object getObject() {
      return values.get(rowIds[row.getAsInt()]);
    }

    @Override
    public Class<?> classOfObject() {
      return String.class;
    }

    @Override
    public int getValueCardinality() {
      return sortedValues.length;
    }

    @Override
    public String lookupName(int sortedId) {
      return sortedValues[sortedId];
    }

    @Override
    public boolean nameLookupPossibleInAdvance() {
      return true;
    }

    @Override
    public IdLookup idLookup() {
      return null;
    }

    @Override
    public ValueMatcher makeValueMatcher(String value) {
      throw new UnsupportedOperationException("Buffered rows are only merged into a segment, never filtered");
    }

    @Override
    public ValueMatcher makeValueMatcher(DruidPredicateFactory predicateFactory) {
      throw new UnsupportedOperationException("Buffered rows are only merged into a segment, never filtered");
    }

    @Override
    public void inspectRuntimeShape(RuntimeShapeInspector inspector) {}
  }

  /** The sorted dictionary as Druid's merger reads it. */
  private static final class SortedValues implements CloseableIndexed<String> {
    private final String[] values;

    SortedValues(String[] values) {
      this.values = values;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public String get(int index) {
      return values[index];
    }

    @Override
    public int indexOf(String value) {
      return Arrays.binarySearch(values, value, DRUID_ORDER);
    }

    @Override
    public boolean isSorted() {
      return true;
    }

    @Override
    public Iterator<String> iterator() {
      return Arrays.asList(values).iterator();
    }

    @Override
    public void inspectRuntimeShape(RuntimeShapeInspector inspector) {}

    @Override
    public void close() {}
  }
}
