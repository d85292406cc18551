package io.msqbeam.pipelines.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.pipelines.row.JsonValues;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.FlattenField;
import io.msqbeam.translator.plan.FlattenSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON lines read through a {@code flattenSpec}: each declared column is taken from the flatten field
 * of the same name ({@code root} or {@code path}), else — with field discovery on — from the
 * top-level field of that name, else it is null. Lines are parsed to a tree because paths may reach
 * anywhere; inputs without a flattenSpec use the cheaper streaming {@link JsonRowParser}.
 */
public final class FlattenedJsonRowParser implements RowParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonPath[] paths;
  private final ColumnType[] types;
  private final String[] names;

  public FlattenedJsonRowParser(FlattenSpec spec, List<ColumnSignature> signature) {
    Map<String, JsonPath> fields = new HashMap<>();
    for (FlattenField field : spec.fields()) {
      String expr = field.type().equals("root")
          ? "$['" + (field.expr() == null ? field.name() : field.expr()) + "']" : field.expr();
      fields.put(field.name(), JsonPath.compile(expr));
    }
    paths = new JsonPath[signature.size()];
    types = new ColumnType[signature.size()];
    names = new String[signature.size()];
    for (int i = 0; i < signature.size(); i++) {
      String name = signature.get(i).name();
      JsonPath path = fields.get(name);
      if (path == null && spec.discoversFields()) {
        path = JsonPath.compile("$['" + name + "']");
      }
      paths[i] = path;
      types[i] = signature.get(i).type();
      names[i] = name;
    }
  }

  @Override
  public Object[] parse(byte[] line, int offset, int length) throws RowParseException {
    JsonNode root;
    try {
      root = MAPPER.readTree(line, offset, length);
    } catch (IOException e) {
      throw JsonRowParser.unparseable(line, offset, length);
    }
    if (root == null || !root.isObject()) {
      throw JsonRowParser.unparseable(line, offset, length);
    }
    Object[] row = new Object[paths.length];
    for (int i = 0; i < paths.length; i++) {
      if (paths[i] != null && types[i] == ColumnType.JSON) {
        row[i] = json(paths[i].evaluate(root));
      } else if (paths[i] != null) {
        row[i] = ValueCoercion.coerce(plain(paths[i].evaluate(root)), types[i], names[i]);
      }
    }
    return row;
  }

  /** A {@code COMPLEX<json>} column's value: the whole node as a plain tree, null when missing. */
  private static Object json(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return JsonValues.plain(JsonValues.MAPPER.convertValue(node, Object.class));
  }

  /** A JSON value as the coercion expects it: text, a number, a list of strings, or null for objects. */
  private static Object plain(JsonNode node) {
    if (node.isMissingNode() || node.isNull() || node.isObject()) {
      return null;
    }
    if (node.isArray()) {
      List<String> values = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        values.add(element.isNull() || element.isContainerNode() ? null : element.asText());
      }
      return values;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
