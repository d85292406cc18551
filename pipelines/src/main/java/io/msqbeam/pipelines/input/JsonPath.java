package io.msqbeam.pipelines.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset a {@code flattenSpec} {@code path} field needs: {@code $}, then any chain of
 * {@code .name}, {@code ['name']} and {@code [index]} steps. Compiled once per split; evaluation is a
 * walk over the parsed tree with no allocation beyond the result.
 */
final class JsonPath {
  private final List<Object> steps;

  private JsonPath(List<Object> steps) {
    this.steps = steps;
  }

  /** Compiles {@code expr}; throws {@link IllegalArgumentException} for syntax outside the subset. */
  static JsonPath compile(String expr) {
    if (!expr.startsWith("$")) {
      throw new IllegalArgumentException("Unsupported JSONPath [" + expr + "]: it must start with $");
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < expr.length() && expr.charAt(end) != '.' && expr.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          throw new IllegalArgumentException("Unsupported JSONPath [" + expr + "]");
        }
        steps.add(expr.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = expr.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("Unsupported JSONPath [" + expr + "]: unclosed [");
        }
        String inside = expr.substring(i + 1, close).trim();
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
            || inside.startsWith("\"") && inside.endsWith("\""))) {
          steps.add(inside.substring(1, inside.length() - 1));
        } else {
          try {
            steps.add(Integer.parseInt(inside));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unsupported JSONPath [" + expr + "]: [" + inside + "]");
          }
        }
        i = close + 1;
      } else {
        throw new IllegalArgumentException("Unsupported JSONPath [" + expr + "] at position " + i);
      }
    }
    return new JsonPath(List.copyOf(steps));
  }

  /** The node at this path, or a missing node when any step does not exist. */
  JsonNode evaluate(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      if (node == null || node.isMissingNode()) {
        return MissingNode.getInstance();
      }
      if (step instanceof Integer index) {
        node = node.isArray() ? node.path(index < 0 ? node.size() + index : index) : MissingNode.getInstance();
      } else {
        node = node.isObject() ? node.path((String) step) : MissingNode.getInstance();
      }
    }
    return node;
  }
}
