package io.msqbeam.server.sql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The {@code object} and {@code objectLines} formats: each row a JSON object keyed by column name,
 * either all inside one array ({@code [{…},{…}]\n}) or one per line followed by a blank line.
 *
 * <p>The header is one object: {@code {"c":null}} for names only, or per column
 * {@code {"type":…,"sqlType":…}} with just the fields the type flags ask for, as Druid writes it.
 */
final class JsonObjectResultWriter implements ResultWriter {
  private final OutputStream out;
  private final JsonGenerator generator;
  private final boolean lines;
  private List<ResultColumn> columns = List.of();

  JsonObjectResultWriter(OutputStream out, ObjectMapper json, boolean lines) throws IOException {
    this.out = out;
    this.generator = json.createGenerator(out);
    this.lines = lines;
    // Druid separates root-level rows with a newline; Jackson's default separator would be a space.
    generator.setRootValueSeparator(lines ? new SerializedString("\n") : null);
  }

  @Override
  public void start(List<ResultColumn> columns, ResultHeader header) throws IOException {
    this.columns = List.copyOf(columns);
    if (!lines) {
      generator.writeStartArray();
    }
    if (header.names()) {
      generator.writeStartObject();
      for (ResultColumn column : columns) {
        generator.writeFieldName(column.name());
        if (header.types() || header.sqlTypes()) {
          generator.writeStartObject();
          if (header.types()) {
            generator.writeStringField("type", column.nativeType());
          }
          if (header.sqlTypes()) {
            generator.writeStringField("sqlType", column.sqlType());
          }
          generator.writeEndObject();
        } else {
          generator.writeNull();
        }
      }
      generator.writeEndObject();
    }
  }

  @Override
  public void writeRow(List<Object> values) throws IOException {
    generator.writeStartObject();
    for (int i = 0; i < columns.size(); i++) {
      generator.writeFieldName(columns.get(i).name());
      generator.writeObject(values.get(i));
    }
    generator.writeEndObject();
  }

  @Override
  public void finish() throws IOException {
    if (!lines) {
      generator.writeEndArray();
    }
    generator.flush();
    out.write(lines ? new byte[] {'\n', '\n'} : new byte[] {'\n'});
    out.flush();
  }

  @Override
  public void flush() throws IOException {
    generator.flush();
    out.flush();
  }
}
