package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.row.TimedValue;
import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.AggregatorType;
import io.msqbeam.translator.plan.ColumnType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.druid.hll.HyperLogLogCollector;

/**
 * Encodes a groupBy's accumulator array between bundles and workers: numbers in their native width,
 * sketches as Druid's HyperLogLog bytes, EARLIEST/LATEST as time and value, collections as their
 * values. A null flag precedes every slot.
 */
final class AccumulatorCoder extends CustomCoder<Object[]> {
  private final AggregatorSpec[] specs;

  AccumulatorCoder(List<AggregatorSpec> specs) {
    this.specs = specs.toArray(AggregatorSpec[]::new);
  }

  @Override
  public void encode(Object[] accumulator, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    for (int i = 0; i < specs.length; i++) {
      Object value = accumulator[i];
      out.writeBoolean(value != null);
      if (value == null) {
        continue;
      }
      AggregatorType type = specs[i].type();
      if (type.isTimed()) {
        TimedValue timed = (TimedValue) value;
        out.writeLong(timed.time());
        writeValue(out, type.outputType(), timed.value());
      } else if (type.isAny()) {
        writeValue(out, type.outputType(), value);
      } else if (type.isCollecting()) {
        ColumnType element = specs[i].elementType() == null ? ColumnType.STRING : specs[i].elementType();
        List<Object> values = ((CollectedValues) value).values();
        out.writeInt(values.size());
        for (Object element0 : values) {
          writeValue(out, element, element0);
        }
      } else {
        switch (type) {
          case CARDINALITY -> {
            byte[] bytes = ((HyperLogLogCollector) value).toByteArray();
            out.writeInt(bytes.length);
            out.write(bytes);
          }
          case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX -> out.writeDouble(((Number) value).doubleValue());
          default -> out.writeLong(((Number) value).longValue());
        }
      }
    }
    out.flush();
  }

  @Override
  public Object[] decode(InputStream inStream) throws IOException {
    DataInputStream in = new DataInputStream(inStream);
    Object[] accumulator = new Object[specs.length];
    for (int i = 0; i < specs.length; i++) {
      if (!in.readBoolean()) {
        continue;
      }
      AggregatorType type = specs[i].type();
      if (type.isTimed()) {
        long time = in.readLong();
        accumulator[i] = new TimedValue(time, readValue(in, type.outputType()));
      } else if (type.isAny()) {
        accumulator[i] = readValue(in, type.outputType());
      } else if (type.isCollecting()) {
        ColumnType element = specs[i].elementType() == null ? ColumnType.STRING : specs[i].elementType();
        int size = in.readInt();
        List<Object> values = new ArrayList<>(size);
        for (int v = 0; v < size; v++) {
          values.add(readValue(in, element));
        }
        accumulator[i] = CollectedValues.of(values);
      } else {
        accumulator[i] = switch (type) {
          case CARDINALITY -> {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            yield HyperLogLogCollector.makeCollector(ByteBuffer.wrap(bytes));
          }
          case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX -> in.readDouble();
          default -> in.readLong();
        };
      }
    }
    return accumulator;
  }

  /** A value of a column type (ARRAY_AGG holds FLOAT elements as doubles), behind a null flag. */
  private static void writeValue(DataOutputStream out, ColumnType type, Object value) throws IOException {
    out.writeBoolean(value != null);
    if (value == null) {
      return;
    }
    switch (type) {
      case LONG -> out.writeLong(((Number) value).longValue());
      case FLOAT -> {
        if (value instanceof Float f) {
          out.writeBoolean(true);
          out.writeFloat(f);
        } else {
          out.writeBoolean(false);
          out.writeDouble(((Number) value).doubleValue());
        }
      }
      case DOUBLE -> out.writeDouble(((Number) value).doubleValue());
      default -> {
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }
  }

  private static Object readValue(DataInputStream in, ColumnType type) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return switch (type) {
      case LONG -> in.readLong();
      case FLOAT -> in.readBoolean() ? (Object) in.readFloat() : (Object) in.readDouble();
      case DOUBLE -> in.readDouble();
      default -> {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        yield new String(bytes, StandardCharsets.UTF_8);
      }
    };
  }

  @Override
  public void verifyDeterministic() {
    // Accumulators are values, never grouping keys.
  }
}
