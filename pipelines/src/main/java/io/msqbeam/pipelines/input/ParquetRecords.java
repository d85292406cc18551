package io.msqbeam.pipelines.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Turns one Parquet record into a JSON tree, so that the {@code flattenSpec} paths and the value
 * coercion of the {@code json} format serve Parquet too, as Druid's parquet extension reuses its
 * JSONPath flattening. Values follow Druid's {@code ParquetGroupConverter}: strings, enums and JSON
 * as text; other BINARY as base64 (or UTF-8 text with {@code binaryAsString}); DECIMAL as a number;
 * DATE as epoch millis of that day; TIMESTAMP and INT96 as epoch millis; LIST groups as arrays,
 * MAP groups and other groups as objects; repeated fields as arrays.
 */
final class ParquetRecords {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long MILLIS_PER_DAY = 86_400_000L;
  /** Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;

  private final boolean binaryAsString;

  ParquetRecords(boolean binaryAsString) {
    this.binaryAsString = binaryAsString;
  }

  ObjectNode toJson(Group record) {
    return object(record);
  }

  private ObjectNode object(Group group) {
    ObjectNode node = NODES.objectNode();
    GroupType type = group.getType();
    for (int field = 0; field < type.getFieldCount(); field++) {
      Type fieldType = type.getType(field);
      int count = group.getFieldRepetitionCount(field);
      if (fieldType.isRepetition(Type.Repetition.REPEATED)) {
        ArrayNode values = node.putArray(fieldType.getName());
        for (int i = 0; i < count; i++) {
          values.add(value(group, field, i, fieldType));
        }
      } else {
        node.set(fieldType.getName(), count == 0 ? NODES.nullNode() : value(group, field, 0, fieldType));
      }
    }
    return node;
  }

  private JsonNode value(Group group, int field, int index, Type type) {
    if (!type.isPrimitive()) {
      Group nested = group.getGroup(field, index);
      LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
      if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        return list(nested);
      }
      if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
        return map(nested);
      }
      return object(nested);
    }
    PrimitiveType primitive = type.asPrimitiveType();
    LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
    return switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> NODES.booleanNode(group.getBoolean(field, index));
      case INT32 -> {
        int value = group.getInteger(field, index);
        if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          yield NODES.numberNode(value * MILLIS_PER_DAY);
        }
        if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
          yield NODES.numberNode(java.math.BigDecimal.valueOf(value, decimal.getScale()).doubleValue());
        }
        yield NODES.numberNode(value);
      }
      case INT64 -> {
        long value = group.getLong(field, index);
        if (annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
          yield NODES.numberNode(switch (timestamp.getUnit()) {
            case MILLIS -> value;
            case MICROS -> Math.floorDiv(value, 1_000L);
            case NANOS -> Math.floorDiv(value, 1_000_000L);
          });
        }
        if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
          yield NODES.numberNode(java.math.BigDecimal.valueOf(value, decimal.getScale()).doubleValue());
        }
        yield NODES.numberNode(value);
      }
      case INT96 -> NODES.numberNode(int96Millis(group.getInt96(field, index)));
      case FLOAT -> NODES.numberNode(group.getFloat(field, index));
      case DOUBLE -> NODES.numberNode(group.getDouble(field, index));
      case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(group.getBinary(field, index), annotation);
    };
  }

  private JsonNode binary(Binary value, LogicalTypeAnnotation annotation) {
    if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
      return NODES.numberNode(new java.math.BigDecimal(new java.math.BigInteger(value.getBytes()),
          decimal.getScale()).doubleValue());
    }
    if (binaryAsString || annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
      return NODES.textNode(new String(value.getBytes(), StandardCharsets.UTF_8));
    }
    return NODES.textNode(Base64.getEncoder().encodeToString(value.getBytes()));
  }

  /** A LIST group: {@code repeated group list { element }} (or the legacy one-level form), as an array. */
  private ArrayNode list(Group list) {
    ArrayNode values = NODES.arrayNode();
    GroupType type = list.getType();
    if (type.getFieldCount() != 1) {
      return values;
    }
    Type repeated = type.getType(0);
    for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
      if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1) {
        Group element = list.getGroup(0, i);
        Type elementType = element.getType().getType(0);
        values.add(element.getFieldRepetitionCount(0) == 0 ? NODES.nullNode() : value(element, 0, 0, elementType));
      } else {
        values.add(value(list, 0, i, repeated));
      }
    }
    return values;
  }

  /** A MAP group: {@code repeated group key_value { key; value }}, as an object keyed by the key's text. */
  private ObjectNode map(Group map) {
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < map.getFieldRepetitionCount(0); i++) {
      Group entry = map.getGroup(0, i);
      GroupType entryType = entry.getType();
      String key = value(entry, 0, 0, entryType.getType(0)).asText();
      node.set(key, entry.getFieldRepetitionCount(1) == 0 ? NODES.nullNode()
          : value(entry, 1, 0, entryType.getType(1)));
    }
    return node;
  }

  /** An Impala INT96 timestamp: nanoseconds of the day (8 bytes) then the Julian day (4), little-endian. */
  private static long int96Millis(Binary value) {
    ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = bytes.getLong();
    long julianDay = bytes.getInt();
    return (julianDay - JULIAN_EPOCH_DAY) * MILLIS_PER_DAY + nanosOfDay / 1_000_000L;
  }
}
