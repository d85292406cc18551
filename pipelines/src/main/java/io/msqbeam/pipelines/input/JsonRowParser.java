package io.msqbeam.pipelines.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one line of newline-delimited JSON into a row of the declared signature with a streaming
 * parser: only declared fields are kept, values are coerced to the column type as Druid does
 * (numbers to strings, numeric strings to numbers, arrays to multi-value strings).
 */
public final class JsonRowParser {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Map<String, Integer> positions = new HashMap<>();
  private final ColumnType[] types;

  public JsonRowParser(List<ColumnSignature> signature) {
    types = new ColumnType[signature.size()];
    for (int i = 0; i < signature.size(); i++) {
      positions.put(signature.get(i).name(), i);
      types[i] = signature.get(i).type();
    }
  }

  /** Parses a line; throws {@link RowParseException} with the column at fault. */
  public Object[] parse(byte[] line, int offset, int length) throws RowParseException {
    Object[] row = new Object[types.length];
    try (JsonParser parser = FACTORY.createParser(line, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new RowParseException(null, "Unable to parse row [" + new String(line, offset, length,
            java.nio.charset.StandardCharsets.UTF_8) + "]");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        Integer position = positions.get(parser.currentName());
        JsonToken token = parser.nextToken();
        if (position == null) {
          parser.skipChildren();
          continue;
        }
        row[position] = value(parser, token, types[position], parser.currentName());
      }
    } catch (IOException e) {
      throw new RowParseException(null, "Unable to parse row [" + new String(line, offset, length,
          java.nio.charset.StandardCharsets.UTF_8) + "]");
    }
    return row;
  }

  private static Object value(JsonParser parser, JsonToken token, ColumnType type, String column)
      throws IOException, RowParseException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.START_ARRAY) {
      List<String> values = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        values.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
      }
      if (type != ColumnType.STRING) {
        return values.isEmpty() ? null : number(values.get(0), type, column);
      }
      return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
    }
    if (token == JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    return switch (type) {
      case STRING -> parser.getValueAsString();
      case LONG -> token == JsonToken.VALUE_NUMBER_INT ? (Object) parser.getLongValue()
          : token == JsonToken.VALUE_NUMBER_FLOAT ? (Object) (long) parser.getDoubleValue()
          : number(parser.getValueAsString(), type, column);
      case DOUBLE -> token.isNumeric() ? (Object) parser.getDoubleValue() : number(parser.getValueAsString(), type, column);
      case FLOAT -> token.isNumeric() ? (Object) parser.getFloatValue() : number(parser.getValueAsString(), type, column);
    };
  }

  private static Object number(String text, ColumnType type, String column) throws RowParseException {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return switch (type) {
        case LONG -> {
          try {
            yield Long.parseLong(text.trim());
          } catch (NumberFormatException e) {
            yield (long) Double.parseDouble(text.trim());
          }
        }
        case DOUBLE -> Double.parseDouble(text.trim());
        case FLOAT -> Float.parseFloat(text.trim());
        case STRING -> text;
      };
    } catch (NumberFormatException e) {
      throw new RowParseException(column, "Unable to parse value[" + text + "] for field[" + column + "]");
    }
  }

  /** A row that cannot be read, with the column at fault when known. */
  public static final class RowParseException extends Exception {
    private final String column;

    public RowParseException(String column, String message) {
      super(message);
      this.column = column;
    }

    public String column() {
      return column;
    }
  }
}
