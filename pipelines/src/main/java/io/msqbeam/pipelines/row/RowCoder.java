package io.msqbeam.pipelines.row;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * A compact binary coder for rows ({@code Object[]} aligned with a signature): one null-flag byte per
 * column, then the value in its native width. No per-row JSON and no reflection on the hot path.
 * Strings may also hold a multi-value {@code List<String>}.
 */
public final class RowCoder extends CustomCoder<Object[]> {
  private static final byte NULL = 0;
  private static final byte VALUE = 1;
  private static final byte MULTI = 2;

  private final ColumnType[] types;

  private RowCoder(ColumnType[] types) {
    this.types = types;
  }

  public static RowCoder of(List<ColumnSignature> signature) {
    return new RowCoder(signature.stream().map(ColumnSignature::type).toArray(ColumnType[]::new));
  }

  @Override
  public void encode(Object[] row, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
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
            out.writeInt(list.size());
            for (Object element : list) {
              writeNullableString(out, element == null ? null : element.toString());
            }
          } else {
            out.writeByte(VALUE);
            writeString(out, value.toString());
          }
        }
        case LONG -> {
          out.writeByte(VALUE);
          out.writeLong(((Number) value).longValue());
        }
        case FLOAT -> {
          out.writeByte(VALUE);
          out.writeFloat(((Number) value).floatValue());
        }
        case DOUBLE -> {
          out.writeByte(VALUE);
          out.writeDouble(((Number) value).doubleValue());
        }
      }
    }
    out.flush();
  }

  @Override
  public Object[] decode(InputStream inStream) throws IOException {
    DataInputStream in = new DataInputStream(inStream);
    Object[] row = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      byte flag = in.readByte();
      if (flag == NULL) {
        continue;
      }
      row[i] = switch (types[i]) {
        case STRING -> flag == MULTI ? readList(in) : readString(in);
        case LONG -> in.readLong();
        case FLOAT -> in.readFloat();
        case DOUBLE -> in.readDouble();
      };
    }
    return row;
  }

  @Override
  public void verifyDeterministic() {
    // Equal rows encode to equal bytes: no maps, no floating-point canonicalisation issues beyond Java's.
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int size = in.readInt();
    List<String> list = new ArrayList<>(size);
    for (int j = 0; j < size; j++) {
      list.add(in.readBoolean() ? readString(in) : null);
    }
    return list;
  }

  private static void writeNullableString(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeString(out, value);
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
