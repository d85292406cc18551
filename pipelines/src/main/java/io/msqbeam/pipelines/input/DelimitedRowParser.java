package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.DelimitedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code csv} and {@code tsv} formats for one split: drops {@code skipHeaderRows} lines, then
 * takes the column names from the next line when {@code findColumnsFromHeader}, then maps each line's
 * values to the declared columns by name. A value holding the list delimiter becomes a multi-value
 * string; missing trailing values are null and extra values are ignored, as in Druid. csv values may
 * be double-quoted (a doubled quote inside stands for one); tsv values are taken literally. An empty
 * value is null unless quoted ({@code ""} is the empty string), as Druid's readers give it with
 * SQL-compatible nulls (csv: opencsv's {@code EMPTY_SEPARATORS}; tsv: {@code DelimitedInputFormat}), so
 * a blank line is a row of nulls: Druid reads it as a row, never skips it.
 */
public final class DelimitedRowParser implements RowParser {
  private final DelimitedText text;
  private final boolean quoted;
  private final Map<String, Integer> positions = new HashMap<>();
  private final ColumnType[] types;
  private final String[] names;
  private int linesToSkip;
  private boolean headerPending;
  /** For each field index of a line, the declared position it fills, or -1. */
  private int[] targets;

  public DelimitedRowParser(DelimitedText text, boolean quoted, List<ColumnSignature> signature) {
    this.text = text;
    this.quoted = quoted;
    this.types = new ColumnType[signature.size()];
    this.names = new String[signature.size()];
    for (int i = 0; i < signature.size(); i++) {
      positions.put(signature.get(i).name(), i);
      types[i] = signature.get(i).type();
      names[i] = signature.get(i).name();
    }
    this.linesToSkip = text.skipHeaderRows();
    this.headerPending = text.findColumnsFromHeader();
    if (!headerPending) {
      targets = targetsOf(text.columns());
    }
  }

  @Override
  public Object[] parse(byte[] line, int offset, int length) throws RowParseException {
    if (linesToSkip > 0) {
      linesToSkip--;
      return null;
    }
    String string = new String(line, offset, length, StandardCharsets.UTF_8);
    if (headerPending) {
      headerPending = false;
      targets = targetsOf(split(string));
      return null;
    }
    List<String> values = split(string);
    Object[] row = new Object[types.length];
    for (int i = 0; i < values.size() && i < targets.length; i++) {
      int target = targets[i];
      if (target >= 0) {
        row[target] = ValueCoercion.coerce(listOrValue(values.get(i)), types[target], names[target]);
      }
    }
    return row;
  }

  private int[] targetsOf(List<String> columns) {
    int[] result = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      result[i] = positions.getOrDefault(columns.get(i), -1);
    }
    return result;
  }

  private Object listOrValue(String value) {
    if (value == null) {
      return null;
    }
    String listDelimiter = text.effectiveListDelimiter();
    if (!value.contains(listDelimiter)) {
      return value;
    }
    List<String> values = new ArrayList<>();
    int start = 0;
    int at;
    while ((at = value.indexOf(listDelimiter, start)) >= 0) {
      values.add(value.substring(start, at));
      start = at + listDelimiter.length();
    }
    values.add(value.substring(start));
    return values;
  }

  /** Splits one line into its values; package-private for tests. */
  List<String> split(String line) throws RowParseException {
    char delimiter = text.delimiter();
    List<String> values = new ArrayList<>();
    if (!quoted) {
      int start = 0;
      int at;
      while ((at = line.indexOf(delimiter, start)) >= 0) {
        values.add(at == start ? null : line.substring(start, at));
        start = at + 1;
      }
      values.add(start == line.length() ? null : line.substring(start));
      return values;
    }
    StringBuilder value = new StringBuilder();
    int i = 0;
    while (true) {
      value.setLength(0);
      boolean wasQuoted = i < line.length() && line.charAt(i) == '"';
      if (wasQuoted) {
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new RowParseException(null, "Unable to parse row [" + line + "]: unterminated quoted value");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < line.length() && line.charAt(i) == '"') {
              value.append('"');
              i++;
            } else {
              break;
            }
          } else {
            value.append(c);
          }
        }
        while (i < line.length() && line.charAt(i) != delimiter) {
          value.append(line.charAt(i++));
        }
      } else {
        int at = line.indexOf(delimiter, i);
        int end = at < 0 ? line.length() : at;
        value.append(line, i, end);
        i = end;
      }
      values.add(value.length() == 0 && !wasQuoted ? null : value.toString());
      if (i >= line.length()) {
        return values;
      }
      i++; // the delimiter
    }
  }
}
