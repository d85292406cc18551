package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.AggregatorSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.druid.hll.HyperLogLogCollector;

/**
 * Encodes a groupBy's accumulator array between bundles and workers: numbers in their native width,
 * sketches as Druid's HyperLogLog bytes. A null flag precedes every slot.
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
      switch (specs[i].type()) {
        case CARDINALITY -> {
          byte[] bytes = ((HyperLogLogCollector) value).toByteArray();
          out.writeInt(bytes.length);
          out.write(bytes);
        }
        case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX -> out.writeDouble(((Number) value).doubleValue());
        default -> out.writeLong(((Number) value).longValue());
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
      accumulator[i] = switch (specs[i].type()) {
        case CARDINALITY -> {
          byte[] bytes = new byte[in.readInt()];
          in.readFully(bytes);
          yield HyperLogLogCollector.makeCollector(ByteBuffer.wrap(bytes));
        }
        case DOUBLE_SUM, DOUBLE_MIN, DOUBLE_MAX -> in.readDouble();
        default -> in.readLong();
      };
    }
    return accumulator;
  }

  @Override
  public void verifyDeterministic() {
    // Accumulators are values, never grouping keys.
  }
}
