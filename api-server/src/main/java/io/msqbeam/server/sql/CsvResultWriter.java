package io.msqbeam.server.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code csv} format: one comma-separated line per row, then one blank line as the trailer.
 *
 * <p>Quoting follows opencsv's defaults, which Druid uses: a field is quoted only when it holds a comma,
 * a double quote or a line break, and quotes inside are doubled. null is an empty field; strings are
 * written as they are and every other value as its JSON text ({@code 36.0}, {@code true}), so arrays,
 * already stringified, appear as {@code "[""a"",""b""]"}.
 */
final class CsvResultWriter implements ResultWriter {
  private final Writer out;
  private final ObjectMapper json;

  CsvResultWriter(OutputStream out, ObjectMapper json) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    this.json = json;
  }

  @Override
  public void start(List<ResultColumn> columns, ResultHeader header) throws IOException {
    if (header.names()) {
      writeLine(fields(columns, ResultColumn::name));
    }
    if (header.types()) {
      writeLine(fields(columns, ResultColumn::nativeType));
    }
    if (header.sqlTypes()) {
      writeLine(fields(columns, ResultColumn::sqlType));
    }
  }

  @Override
  public void writeRow(List<Object> values) throws IOException {
    List<String> fields = new ArrayList<>(values.size());
    for (Object value : values) {
      fields.add(value == null ? null : value instanceof String s ? s : json.writeValueAsString(value));
    }
    writeLine(fields);
  }

  @Override
  public void finish() throws IOException {
    out.write('\n');
    out.flush();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  private void writeLine(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String field = fields.get(i);
      if (field != null) {
        out.write(quoted(field));
      }
    }
    out.write('\n');
  }

  /** The field as opencsv writes it with {@code applyQuotesToAll=false}. */
  static String quoted(String field) {
    if (field.indexOf('"') < 0 && field.indexOf(',') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  private static List<String> fields(List<ResultColumn> columns, Function<ResultColumn, String> field) {
    List<String> fields = new ArrayList<>(columns.size());
    columns.forEach(column -> fields.add(field.apply(column)));
    return fields;
  }
}
