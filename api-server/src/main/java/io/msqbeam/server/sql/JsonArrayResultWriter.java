package io.msqbeam.server.sql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code array} and {@code arrayLines} formats: each row a JSON array, either all inside one
 * array ({@code [[…],[…]]\n}) or one per line followed by a blank line ({@code […]\n[…]\n\n}).
 *
 * <p>Header rows are arrays too: names, then native types, then SQL types. Values go through Jackson as
 * in Druid, so doubles keep Java's {@code Double.toString} form and non-ASCII text is written raw.
 */
final class JsonArrayResultWriter implements ResultWriter {
  private final OutputStream out;
  private final JsonGenerator generator;
  private final boolean lines;

  JsonArrayResultWriter(OutputStream out, ObjectMapper json, boolean lines) throws IOException {
    this.out = out;
    this.generator = json.createGenerator(out);
    this.lines = lines;
    // Druid separates root-level rows with a newline; Jackson's default separator would be a space.
    generator.setRootValueSeparator(lines ? new SerializedString("\n") : null);
  }

  @Override
  public void start(List<ResultColumn> columns, ResultHeader header) throws IOException {
    if (!lines) {
      generator.writeStartArray();
    }
    if (header.names()) {
      writeStrings(columns, ResultColumn::name);
    }
    if (header.types()) {
      writeStrings(columns, ResultColumn::nativeType);
    }
    if (header.sqlTypes()) {
      writeStrings(columns, ResultColumn::sqlType);
    }
  }

  @Override
  public void writeRow(List<Object> values) throws IOException {
    generator.writeStartArray();
    for (Object value : values) {
      generator.writeObject(value);
    }
    generator.writeEndArray();
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

  private void writeStrings(List<ResultColumn> columns, Function<ResultColumn, String> field) throws IOException {
    generator.writeStartArray();
    for (ResultColumn column : columns) {
      generator.writeString(field.apply(column));
    }
    generator.writeEndArray();
  }
}
