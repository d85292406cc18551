package io.msqbeam.pipelines.row;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.druid.hll.HyperLogLogCollector;

/**
 * A compact binary coder for rows ({@code Object[]} aligned with a signature): the row's byte length
 * as a varint, then per column a flag byte (null, value, multi-value) and the value — strings as
 * varint length + UTF-8, longs as zig-zag varints, floats and doubles in their IEEE bits. A row is
 * built in a per-thread buffer and written, or read, with one bulk call. No per-row JSON and no
 * reflection on the hot path. Strings may also hold a multi-value {@code List<String>}; an ARRAY
 * column holds an {@code Object[]}, written as a varint length and a flag byte and value per element;
 * a {@code COMPLEX<json>} value is written as its JSON text ({@link JsonValues}). A {@code hyperUnique}
 * sketch is written as Druid's serialised collector; a time-value pair ({@link TimedValue}) as its
 * time, then its value as the pair's value type is written.
 */
public final class RowCoder extends CustomCoder<Object[]> {
  private static final byte NULL = 0;
  private static final byte VALUE = 1;
  private static final byte MULTI = 2;

  /** Per-thread buffers: a coder instance is shared by the threads of a runner. */
  private static final ThreadLocal<RowBytesWriter> WRITERS = ThreadLocal.withInitial(RowBytesWriter::new);
  private static final ThreadLocal<RowBytesReader> READERS = ThreadLocal.withInitial(RowBytesReader::new);

  private final ColumnType[] types;

  private RowCoder(ColumnType[] types) {
    this.types = types;
  }

  public static RowCoder of(List<ColumnSignature> signature) {
    return new RowCoder(signature.stream().map(ColumnSignature::type).toArray(ColumnType[]::new));
  }

  @Override
  public void encode(Object[] row, OutputStream outStream) throws IOException {
    RowBytesWriter out = WRITERS.get();
    write(row, out);
    // One length-prefixed bulk write: Flink's stream wrappers cost a call per single byte.
    byte[] length = new byte[5];
    int lengthBytes = 0;
    int remaining = out.size();
    while ((remaining & ~0x7F) != 0) {
      length[lengthBytes++] = (byte) ((remaining & 0x7F) | 0x80);
      remaining >>>= 7;
    }
    length[lengthBytes++] = (byte) remaining;
    outStream.write(length, 0, lengthBytes);
    outStream.write(out.bytes(), 0, out.size());
  }

  /**
   * The row's encoding as one array (without the length prefix of {@link #encode}): what rows are
   * carried as between steps that only route them, so they are encoded and decoded once.
   */
  public byte[] toBytes(Object[] row) {
    RowBytesWriter out = WRITERS.get();
    write(row, out);
    return Arrays.copyOf(out.bytes(), out.size());
  }

  /** The row whose {@link #toBytes} encoding {@code bytes} is. */
  public Object[] fromBytes(byte[] bytes) {
    RowBytesReader in = READERS.get();
    in.wrap(bytes);
    return read(in);
  }

  /**
   * Each row of a batch, rows' {@link #toBytes} encodings laid end to end, in order: a row needs no
   * length of its own, since its columns say where it ends.
   */
  public void forEachRow(byte[] batch, java.util.function.Consumer<Object[]> action) {
    RowBytesReader in = new RowBytesReader();
    in.wrap(batch);
    while (in.remaining() > 0) {
      action.accept(read(in));
    }
  }

  /**
   * Some columns of an encoded row as strings ({@code toString} of the value, null kept), the others
   * skipped without being decoded: a range key read from a row in transit.
   *
   * @param positions column positions, ascending or not
   */
  public List<String> stringValues(byte[] bytes, int[] positions) {
    RowBytesReader in = READERS.get();
    in.wrap(bytes);
    int last = 0;
    for (int position : positions) {
      last = Math.max(last, position);
    }
    Object[] values = new Object[last + 1];
    boolean[] wanted = new boolean[last + 1];
    for (int position : positions) {
      wanted[position] = true;
    }
    for (int i = 0; i <= last; i++) {
      byte flag = in.readByte();
      if (flag == NULL) {
        continue;
      }
      if (wanted[i]) {
        values[i] = readValue(in, i, flag);
      } else {
        skipValue(in, i, flag);
      }
    }
    List<String> strings = new ArrayList<>(positions.length);
    for (int position : positions) {
      strings.add(values[position] == null ? null : values[position].toString());
    }
    return strings;
  }

  private void write(Object[] row, RowBytesWriter out) {
    out.reset();
    for (int i = 0; i < types.length; i++) {
      Object value = row[i];
      if (value == null) {
        out.writeByte(NULL);
        continue;
      }
      switch (types[i]) {
        case STRING -> {
          if (value instanceof List<?> list) {
            out.writeByte(MULTI);
            out.writeVarInt(list.size());
            for (Object element : list) {
              if (element == null) {
                out.writeByte(NULL);
              } else {
                out.writeByte(VALUE);
                out.writeString(element.toString());
              }
            }
          } else {
            out.writeByte(VALUE);
            out.writeString(value.toString());
          }
        }
        case LONG -> {
          out.writeByte(VALUE);
          out.writeVarLong(((Number) value).longValue());
        }
        case FLOAT -> {
          out.writeByte(VALUE);
          out.writeInt(Float.floatToRawIntBits(((Number) value).floatValue()));
        }
        case DOUBLE -> {
          out.writeByte(VALUE);
          out.writeLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
        }
        case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON_ARRAY -> {
          out.writeByte(VALUE);
          writeArray(out, (Object[]) value, types[i]);
        }
        case JSON -> {
          out.writeByte(VALUE);
          out.writeString(JsonValues.toJson(value));
        }
        case HYPER_UNIQUE -> {
          out.writeByte(VALUE);
          out.writeBytes(((HyperLogLogCollector) value).toByteArray());
        }
        case LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR -> {
          out.writeByte(VALUE);
          writePair(out, (TimedValue) value, types[i]);
        }
      }
    }
  }

  /** A pair as its time, then its value (which may be null) as the pair's value type is written. */
  private static void writePair(RowBytesWriter out, TimedValue pair, ColumnType type) {
    out.writeVarLong(pair.time());
    Object value = pair.value();
    if (value == null) {
      out.writeByte(NULL);
      return;
    }
    out.writeByte(VALUE);
    switch (type.finalizedType()) {
      case LONG -> out.writeVarLong(((Number) value).longValue());
      case FLOAT -> out.writeInt(Float.floatToRawIntBits(((Number) value).floatValue()));
      case DOUBLE -> out.writeLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
      default -> out.writeString(value.toString());
    }
  }

  private static TimedValue readPair(RowBytesReader in, ColumnType type) {
    long time = in.readVarLong();
    if (in.readByte() == NULL) {
      return new TimedValue(time, null);
    }
    return new TimedValue(time, switch (type.finalizedType()) {
      case LONG -> in.readVarLong();
      case FLOAT -> Float.intBitsToFloat(in.readInt());
      case DOUBLE -> Double.longBitsToDouble(in.readLong());
      default -> in.readString();
    });
  }

  private static void writeArray(RowBytesWriter out, Object[] array, ColumnType type) {
    out.writeVarInt(array.length);
    for (Object element : array) {
      if (element == null) {
        out.writeByte(NULL);
        continue;
      }
      out.writeByte(VALUE);
      switch (type) {
        case LONG_ARRAY -> out.writeVarLong(((Number) element).longValue());
        case DOUBLE_ARRAY -> out.writeLong(Double.doubleToRawLongBits(((Number) element).doubleValue()));
        case JSON_ARRAY -> out.writeString(JsonValues.toJson(element));
        default -> out.writeString(element.toString());
      }
    }
  }

  private static Object[] readArray(RowBytesReader in, ColumnType type) {
    Object[] array = new Object[in.readVarInt()];
    for (int j = 0; j < array.length; j++) {
      if (in.readByte() != NULL) {
        array[j] = switch (type) {
          case LONG_ARRAY -> in.readVarLong();
          case DOUBLE_ARRAY -> Double.longBitsToDouble(in.readLong());
          case JSON_ARRAY -> JsonValues.fromJson(in.readString());
          default -> in.readString();
        };
      }
    }
    return array;
  }

  @Override
  public Object[] decode(InputStream inStream) throws IOException {
    RowBytesReader in = READERS.get();
    in.load(inStream);
    return read(in);
  }

  private Object[] read(RowBytesReader in) {
    Object[] row = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      byte flag = in.readByte();
      if (flag != NULL) {
        row[i] = readValue(in, i, flag);
      }
    }
    return row;
  }

  private Object readValue(RowBytesReader in, int column, byte flag) {
    return switch (types[column]) {
      case STRING -> flag == MULTI ? readList(in) : in.readString();
      case LONG -> in.readVarLong();
      case FLOAT -> Float.intBitsToFloat(in.readInt());
      case DOUBLE -> Double.longBitsToDouble(in.readLong());
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON_ARRAY -> readArray(in, types[column]);
      case JSON -> JsonValues.fromJson(in.readString());
      case HYPER_UNIQUE -> HyperLogLogCollector.makeCollector(ByteBuffer.wrap(in.readBytes()));
      case LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR -> readPair(in, types[column]);
    };
  }

  private void skipValue(RowBytesReader in, int column, byte flag) {
    switch (types[column]) {
      case STRING -> {
        int values = flag == MULTI ? in.readVarInt() : 1;
        for (int j = 0; j < values; j++) {
          if (flag != MULTI || in.readByte() != NULL) {
            in.skip(in.readVarInt());
          }
        }
      }
      case LONG -> in.readVarLong();
      case FLOAT -> in.skip(4);
      case DOUBLE -> in.skip(8);
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON_ARRAY -> readArray(in, types[column]);
      case JSON -> in.skip(in.readVarInt());
      case HYPER_UNIQUE -> in.skip(in.readVarInt());
      case LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR -> readPair(in, types[column]);
    }
  }

  @Override
  public void verifyDeterministic() {
    // Equal rows encode to equal bytes: no maps, no floating-point canonicalisation issues beyond Java's.
  }

  private static List<String> readList(RowBytesReader in) {
    int size = in.readVarInt();
    List<String> list = new ArrayList<>(size);
    for (int j = 0; j < size; j++) {
      list.add(in.readByte() == NULL ? null : in.readString());
    }
    return list;
  }
}
