package io.msqbeam.pipelines.segment;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntSupplier;
import org.apache.druid.query.monomorphicprocessing.RuntimeShapeInspector;
import org.apache.druid.segment.ColumnValueSelector;
import org.apache.druid.segment.column.ColumnCapabilities;
import org.apache.druid.segment.column.ColumnCapabilitiesImpl;
import org.apache.druid.segment.column.ColumnType;
import org.apache.druid.segment.data.BitmapValues;
import org.apache.druid.segment.data.CloseableIndexed;

/**
 * A LONG, FLOAT or DOUBLE dimension: values as raw 64-bit patterns plus a null mask, so a row costs
 * eight bytes and no object. Numeric dimensions have no dictionary and no bitmap index, as in Druid.
 */
final class BufferedNumberColumn implements BufferedColumn {
  private final SegmentColumnType type;
  private long[] bits = new long[1024];
  private final BitSet nulls = new BitSet();
  private int rows;

  BufferedNumberColumn(SegmentColumnType type) {
    if (type != SegmentColumnType.LONG && type != SegmentColumnType.FLOAT && type != SegmentColumnType.DOUBLE) {
      throw new IllegalArgumentException("Not a numeric column type: " + type);
    }
    this.type = type;
  }

  @Override
  public boolean accepts(Object value) {
    return value == null || value instanceof Number;
  }

  @Override
  public void add(Object value) {
    if (rows == bits.length) {
      bits = Arrays.copyOf(bits, rows * 2);
    }
    if (value == null) {
      nulls.set(rows);
    } else if (type == SegmentColumnType.LONG) {
      bits[rows] = ((Number) value).longValue();
    } else {
      // FLOAT keeps its value as a double: float → double → float is exact.
      bits[rows] = Double.doubleToRawLongBits(type == SegmentColumnType.FLOAT
          ? ((Number) value).floatValue() : ((Number) value).doubleValue());
    }
    rows++;
  }

  @Override
  public long estimatedBytes() {
    return bits.length * 8L + nulls.size() / 8;
  }

  @Override
  public Object value(int row) {
    if (nulls.get(row)) {
      return null;
    }
    return switch (type) {
      case LONG -> bits[row];
      case FLOAT -> (float) Double.longBitsToDouble(bits[row]);
      default -> Double.longBitsToDouble(bits[row]);
    };
  }

  @Override
  public boolean sameValue(int a, int b) {
    return nulls.get(a) == nulls.get(b) && (nulls.get(a) || bits[a] == bits[b]);
  }

  @Override
  public int compare(int a, int b) {
    boolean aNull = nulls.get(a);
    boolean bNull = nulls.get(b);
    if (aNull || bNull) {
      return Boolean.compare(!aNull, !bNull);
    }
    return type == SegmentColumnType.LONG
        ? Long.compare(bits[a], bits[b])
        : Double.compare(Double.longBitsToDouble(bits[a]), Double.longBitsToDouble(bits[b]));
  }

  @Override
  public ColumnCapabilities capabilities() {
    return ColumnCapabilitiesImpl.createSimpleNumericColumnCapabilities(type.toDruid())
        .setHasNulls(!nulls.isEmpty());
  }

  @Override
  public ColumnValueSelector<?> selector(IntSupplier row) {
    return new NumberSelector(row);
  }

  @Override
  public CloseableIndexed<String> sortedDictionary() {
    return null;
  }

  @Override
  public BitmapValues rowsWithValue(int sortedId, int[] order) {
    return BitmapValues.EMPTY;
  }

  private final class NumberSelector implements ColumnValueSelector<Object> {
    private final IntSupplier row;

    NumberSelector(IntSupplier row) {
      this.row = row;
    }

    @Override
    public boolean isNull() {
      return nulls.get(row.getAsInt());
    }

    @Override
    public long getLong() {
      int current = row.getAsInt();
      return type == SegmentColumnType.LONG ? bits[current] : (long) Double.longBitsToDouble(bits[current]);
    }

    @Override
    public double getDouble() {
      int current = row.getAsInt();
      return type == SegmentColumnType.LONG ? bits[current] : Double.longBitsToDouble(bits[current]);
    }

    @Override
    public float getFloat() {
      return (float) getDouble();
    }

    @Override
    public Object getObject() {
      return value(row.getAsInt());
    }

    @Override
    public Class<?> classOfObject() {
      return switch (type) {
        case LONG -> Long.class;
        case FLOAT -> Float.class;
        default -> Double.class;
      };
    }

    @Override
    public void inspectRuntimeShape(RuntimeShapeInspector inspector) {}
  }
}
