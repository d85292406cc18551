package io.msqbeam.translator.parser;

import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.error.UncategorizedError;
import io.msqbeam.translator.parser.generated.ParseException;
import io.msqbeam.translator.parser.generated.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Calcite's {@link SqlParseException} into the error Druid's planner reports for it.
 *
 * <p>Druid distinguishes three cases: an error raised by its own grammar actions (already a
 * Druid error, e.g. CLUSTERED BY before PARTITIONED BY); a syntax error with the tokens JavaCC
 * expected, reported as {@code Received an unexpected token [...]} with the position in the
 * context; and a syntax error Calcite already worded (no expected tokens), whose message is kept,
 * e.g. {@code Non-query expression encountered in illegal context}. Anything else is unexpected.
 */
final class ParseErrors {
  private ParseErrors() {}

  static DruidException toDruidException(SqlParseException e) {
    Throwable cause = e.getCause();
    if (cause instanceof DruidException druid) {
      return druid;
    }
    if (cause instanceof ParseException parse) {
      int[][] expected = e.getExpectedTokenSequences();
      if (expected == null || parse.currentToken == null) {
        return new DruidException("invalidInput", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT,
            e.getMessage(), Map.of("sourceType", "sql"), e);
      }
      return unexpectedToken(e, parse, expected);
    }
    if (cause != null && e.getExpectedTokenSequences() == null && e.getPos() != null) {
      // Calcite's own wording of a grammar-level rule, e.g. a non-query where a query must be.
      return new DruidException("invalidInput", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT,
          e.getMessage(), Map.of("sourceType", "sql"), e);
    }
    return UncategorizedError.exception(
        String.format(Locale.ROOT, "Unable to parse the SQL, unrecognized error from calcite: [%s]", e.getMessage()), e);
  }

  private static DruidException unexpectedToken(SqlParseException e, ParseException parse, int[][] expected) {
    String[] images = e.getTokenImages();
    List<String> options = new ArrayList<>(expected.length);
    int longest = 0;
    for (int[] sequence : expected) {
      List<String> words = new ArrayList<>(sequence.length);
      for (int kind : sequence) {
        words.add(images[kind]);
      }
      options.add(String.join(" ", words));
      longest = Math.max(longest, sequence.length);
    }
    String token = unexpectedTokenText(parse.currentToken.next, longest);
    SqlParserPos pos = e.getPos();
    String message = String.format(Locale.ROOT,
        "Received an unexpected token [%s] (line [%d], column [%d]), acceptable options: [%s]",
        token, pos.getLineNum(), pos.getColumnNum(), String.join(", ", options));
    Map<String, String> context = new LinkedHashMap<>();
    context.put("sourceType", "sql");
    context.put("line", Integer.toString(pos.getLineNum()));
    context.put("column", Integer.toString(pos.getColumnNum()));
    context.put("endLine", Integer.toString(pos.getEndLineNum()));
    context.put("endColumn", Integer.toString(pos.getEndColumnNum()));
    context.put("token", token);
    context.put("expected", options.toString());
    return new DruidException("invalidInput", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT,
        message, context, e);
  }

  /** The tokens JavaCC failed on, escaped as JavaCC's own ParseException message escapes them. */
  private static String unexpectedTokenText(Token first, int count) {
    StringBuilder text = new StringBuilder();
    Token token = first;
    for (int i = 0; i < count && token != null; i++) {
      if (i != 0) {
        text.append(' ');
      }
      if (token.kind == 0) {
        text.append("<EOF>");
        break;
      }
      text.append(escape(token.image));
      token = token.next;
    }
    return text.toString();
  }

  private static String escape(String image) {
    StringBuilder out = new StringBuilder(image.length());
    for (char ch : image.toCharArray()) {
      switch (ch) {
        case 0 -> { }
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '"' -> out.append("\\\"");
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        default -> {
          if (ch < 0x20 || ch > 0x7e) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
