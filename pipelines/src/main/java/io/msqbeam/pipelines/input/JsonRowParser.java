package io.msqbeam.pipelines.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.msqbeam.pipelines.row.JsonValues;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one line of newline-delimited JSON into a row of the declared signature with a streaming
 * parser: only declared top-level fields are kept and nothing else is materialised, values are
 * coerced to the column type as Druid does ({@link ValueCoercion}); a JSON array becomes a multi-value
 * string in a STRING column and an array in an ARRAY column; a {@code COMPLEX<json>} column keeps the
 * whole value (object, array or literal) as a plain tree ({@link JsonValues}).
 */
public final class JsonRowParser implements RowParser {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Map<String, Integer> positions = new HashMap<>();
  private final ColumnType[] types;
  /**
   * The name and column of each field, by its place in the last object read: lines of one file
   * nearly always list their fields in the same order, so the parser is asked whether the n-th name
   * of a line is the n-th name of the line before ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}
   * compares the bytes in place), which finds its column without decoding, hashing and looking up
   * the name.
   */
  private SerializedString[] lastNames = new SerializedString[16];
  private int[] lastPositions = new int[16];

  public JsonRowParser(List<ColumnSignature> signature) {
    types = new ColumnType[signature.size()];
    for (int i = 0; i < signature.size(); i++) {
      positions.put(signature.get(i).name(), i);
      types[i] = signature.get(i).type();
    }
  }

  @Override
  public Object[] parse(byte[] line, int offset, int length) throws RowParseException {
    Object[] row = new Object[types.length];
    try (JsonParser parser = FACTORY.createParser(line, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw unparseable(line, offset, length);
      }
      for (int field = 0; ; field++) {
        SerializedString expected = field < lastNames.length ? lastNames[field] : null;
        int position;
        if (expected != null && parser.nextFieldName(expected)) {
          position = lastPositions[field];
        } else {
          // The parser has read the next token either way: another name, or the end of the object.
          if (expected == null) {
            parser.nextToken();
          }
          if (!parser.hasToken(JsonToken.FIELD_NAME)) {
            break;
          }
          position = position(field, parser.currentName());
        }
        JsonToken token = parser.nextToken();
        if (position < 0) {
          parser.skipChildren();
          continue;
        }
        row[position] = value(parser, token, types[position], parser.currentName());
      }
    } catch (IOException e) {
      throw unparseable(line, offset, length);
    }
    return row;
  }

  /** The column of the {@code field}-th name of an object, or -1 when no column has that name. */
  private int position(int field, String name) {
    Integer found = positions.get(name);
    int position = found == null ? -1 : found;
    if (field >= lastNames.length) {
      lastNames = java.util.Arrays.copyOf(lastNames, field * 2);
      lastPositions = java.util.Arrays.copyOf(lastPositions, field * 2);
    }
    lastNames[field] = new SerializedString(name);
    lastPositions[field] = position;
    return position;
  }

  static RowParseException unparseable(byte[] line, int offset, int length) {
    return new RowParseException(null,
        "Unable to parse row [" + new String(line, offset, length, StandardCharsets.UTF_8) + "]");
  }

  private static Object value(JsonParser parser, JsonToken token, ColumnType type, String column)
      throws IOException, RowParseException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (type == ColumnType.JSON) {
      return JsonValues.MAPPER.readValue(parser, Object.class);
    }
    if (token == JsonToken.START_ARRAY) {
      List<String> values = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
          parser.skipChildren();
          values.add(null);
        } else {
          values.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
        }
      }
      return ValueCoercion.coerce(values, type, column);
    }
    if (token == JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    if (type.isArray()) {
      // A scalar in an ARRAY column is a one-element array, as Druid's column selectors cast it.
      Object scalar = token == JsonToken.VALUE_NUMBER_INT ? (Object) parser.getLongValue()
          : token == JsonToken.VALUE_NUMBER_FLOAT ? (Object) parser.getDoubleValue() : parser.getValueAsString();
      return ValueCoercion.coerce(scalar, type, column);
    }
    return switch (type) {
      case STRING -> parser.getValueAsString();
      case LONG -> token == JsonToken.VALUE_NUMBER_INT ? (Object) parser.getLongValue()
          : token == JsonToken.VALUE_NUMBER_FLOAT ? (Object) (long) parser.getDoubleValue()
          : ValueCoercion.number(parser.getValueAsString(), type, column);
      case DOUBLE -> token.isNumeric() ? (Object) parser.getDoubleValue()
          : ValueCoercion.number(parser.getValueAsString(), type, column);
      case FLOAT -> token.isNumeric() ? (Object) parser.getFloatValue()
          : ValueCoercion.number(parser.getValueAsString(), type, column);
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON -> throw new IllegalStateException("handled above");
      case JSON_ARRAY -> throw new IllegalStateException("the planner refuses ARRAY<COMPLEX<json>> input columns");
      case HYPER_UNIQUE, LONG_STRING_PAIR, LONG_LONG_PAIR, LONG_FLOAT_PAIR, LONG_DOUBLE_PAIR ->
          throw new IllegalStateException("the planner refuses complex input columns");
    };
  }
}
