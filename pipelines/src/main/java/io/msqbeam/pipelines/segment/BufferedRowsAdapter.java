package io.msqbeam.pipelines.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.druid.data.input.impl.DimensionSchema;
import org.apache.druid.segment.ColumnValueSelector;
import org.apache.druid.segment.DimensionHandler;
import org.apache.druid.segment.DimensionHandlerUtils;
import org.apache.druid.segment.IndexableAdapter;
import org.apache.druid.segment.Metadata;
import org.apache.druid.segment.RowPointer;
import org.apache.druid.segment.TimeAndDimsPointer;
import org.apache.druid.segment.TransformableRowIterator;
import org.apache.druid.segment.column.ColumnCapabilities;
import org.apache.druid.segment.column.ColumnCapabilitiesImpl;
import org.apache.druid.segment.column.ColumnHolder;
import org.apache.druid.segment.column.ColumnType;
import org.apache.druid.segment.data.BitmapValues;
import org.apache.druid.segment.data.CloseableIndexed;
import org.apache.druid.query.monomorphicprocessing.RuntimeShapeInspector;
import org.joda.time.Interval;

/**
 * {@link BufferedRows} as Druid's segment merger reads an index to persist: rows in segment order,
 * each dimension's sorted dictionary and, per dictionary value, the rows holding it. Handing this to
 * {@code IndexMergerV9.merge} writes exactly the segment Druid writes from its incremental index —
 * same dictionaries, bitmaps, column formats and metadata — without building that index.
 */
final class BufferedRowsAdapter implements IndexableAdapter {
  private final Interval dataInterval;
  private final BufferedRows rows;
  private final List<String> dimensionNames;
  /** Dimension name → its index: the merger names the dimension on every call, once per dictionary value. */
  private final Map<String, Integer> dimensionIndexes = new HashMap<>();
  private final List<DimensionSchema.MultiValueHandling> multiValueHandling;
  private final Metadata metadata;
  private final int[] order;
  private int rowGroupsColumn = -1;

  /**
   * @param schema the rows' schema, whose dimensions line up with the buffer's columns
   * @param metadata the segment metadata Druid's incremental index would have for {@code schema}
   */
  BufferedRowsAdapter(Interval dataInterval, SegmentSchema schema, BufferedRows rows, Metadata metadata) {
    this.dataInterval = dataInterval;
    this.rows = rows;
    this.dimensionNames = schema.dimensionNames();
    for (int i = 0; i < dimensionNames.size(); i++) {
      dimensionIndexes.put(dimensionNames.get(i), i);
    }
    this.multiValueHandling = schema.dimensions().stream()
        .map(column -> column.toDimensionSchema().getMultiValueHandling())
        .toList();
    this.metadata = metadata;
    this.order = rows.segmentOrder();
  }

  private int indexOf(String dimension) {
    Integer index = dimensionIndexes.get(dimension);
    return index == null ? -1 : index;
  }

  @Override
  public Interval getDataInterval() {
    return dataInterval;
  }

  @Override
  public int getNumRows() {
    return rows.size();
  }

  @Override
  public List<String> getDimensionNames(boolean includeTime) {
    if (!includeTime) {
      return dimensionNames;
    }
    List<String> names = new ArrayList<>(dimensionNames.size() + 1);
    names.add(ColumnHolder.TIME_COLUMN_NAME);
    names.addAll(dimensionNames);
    return names;
  }

  @Override
  public List<String> getMetricNames() {
    return List.of();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Comparable<? super T>> CloseableIndexed<T> getDimValueLookup(String dimension) {
    int index = indexOf(dimension);
    return index < 0 ? null : (CloseableIndexed<T>) rows.column(index).sortedDictionary();
  }

  @Override
  public NestedColumnMergable getNestedColumnMergeables(String column) {
    return null;
  }

  @Override
  public IndexableAdapter getProjectionAdapter(String projection) {
    throw new IllegalArgumentException("Buffered rows have no projection [" + projection + "]");
  }

  @Override
  public BitmapValues getBitmapValues(String dimension, int sortedId) {
    int index = indexOf(dimension);
    if (index < 0) {
      return BitmapValues.EMPTY;
    }
    // The merger writes one column's bitmaps after another: keep only that column's row groups.
    if (rowGroupsColumn != index) {
      if (rowGroupsColumn >= 0 && rows.column(rowGroupsColumn) instanceof BufferedStringColumn previous) {
        previous.releaseRowGroups();
      }
      rowGroupsColumn = index;
    }
    return rows.column(index).rowsWithValue(sortedId, order);
  }

  @Override
  public ColumnCapabilities getCapabilities(String column) {
    if (ColumnHolder.TIME_COLUMN_NAME.equals(column)) {
      return ColumnCapabilitiesImpl.createSimpleNumericColumnCapabilities(ColumnType.LONG);
    }
    int index = indexOf(column);
    return index < 0 ? null : rows.column(index).capabilities();
  }

  @Override
  public Metadata getMetadata() {
    return metadata;
  }

  @Override
  public TransformableRowIterator getRows() {
    return new Rows();
  }

  /** The rows in segment order; a row's number is its position. */
  private final class Rows implements TransformableRowIterator {
    private int position = -1;
    private int markedPosition = -1;
    private final RowPointer current = pointer(() -> position);
    private final RowPointer marked = pointer(() -> markedPosition);

    private RowPointer pointer(IntSupplier positionSupplier) {
      IntSupplier row = () -> order[positionSupplier.getAsInt()];
      int columns = rows.columnCount();
      ColumnValueSelector<?>[] selectors = new ColumnValueSelector<?>[columns];
      List<DimensionHandler> handlers = new ArrayList<>(columns);
      for (int i = 0; i < columns; i++) {
        selectors[i] = rows.column(i).selector(row);
        handlers.add(DimensionHandlerUtils.getHandlerFromCapabilities(
            dimensionNames.get(i), rows.column(i).capabilities(), multiValueHandling.get(i)));
      }
      return new RowPointer(new TimeSelector(row), 0, selectors, handlers, ColumnValueSelector.EMPTY_ARRAY,
          List.of(), positionSupplier);
    }

    @Override
    public boolean moveToNext() {
      if (position + 1 >= order.length) {
        return false;
      }
      position++;
      return true;
    }

    @Override
    public RowPointer getPointer() {
      return current;
    }

    @Override
    public void mark() {
      markedPosition = position;
    }

    @Override
    public TimeAndDimsPointer getMarkedPointer() {
      return marked;
    }

    @Override
    public boolean hasTimeAndDimsChangedSinceMark() {
      int a = order[markedPosition];
      int b = order[position];
      if (rows.time(a) != rows.time(b)) {
        return true;
      }
      for (int i = 0; i < rows.columnCount(); i++) {
        if (!rows.column(i).sameValue(a, b)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() {}
  }

  /** The {@code __time} of the row at the current position. */
  private final class TimeSelector implements ColumnValueSelector<Long> {
    private final IntSupplier row;

    TimeSelector(IntSupplier row) {
      this.row = row;
    }

    @Override
    public long getLong() {
      return rows.time(row.getAsInt());
    }

    @Override
    public double getDouble() {
      return getLong();
    }

    @Override
    public float getFloat() {
      return getLong();
    }

    @Override
    public boolean isNull() {
      return false;
    }

    @Override
    public Long getObject() {
      return getLong();
    }

    @Override
    public Class<Long> classOfObject() {
      return Long.class;
    }

    @Override
    public void inspectRuntimeShape(RuntimeShapeInspector inspector) {}
  }
}
