package io.msqbeam.server.statement;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A task's report ({@code {"multiStageQuery":{…,"payload":{status,stages,counters,results}},…}}) as the
 * server keeps it, one JSON string, read with a streaming parser: the small parts (status, stages,
 * counters, the results' signature) become trees, and the result rows are taken one at a time, so that
 * serving a statement never holds its rows a second time besides the stored string.
 */
final class StoredReport {
  /**
   * What a report says besides its rows; parts it lacks are missing nodes.
   *
   * @param hasResults whether the payload holds {@code results.results} (a SELECT that succeeded)
   * @param rowCount how many result rows it holds
   * @param rowBytes the size of those rows as compact JSON, UTF-8
   */
  record Summary(JsonNode status, JsonNode stages, JsonNode counters, JsonNode signature, JsonNode sqlTypeNames,
      boolean hasResults, long rowCount, long rowBytes) {}

  /** Receives each result row, parsed. */
  interface RowConsumer {
    void accept(List<Object> row) throws IOException;
  }

  /** Reads one row; the parser stands on the row's START_ARRAY and must be left on its END_ARRAY. */
  private interface RowReader {
    void read(JsonParser parser) throws IOException;
  }

  private interface FieldReader {
    void read(String name) throws IOException;
  }

  private final ObjectMapper json;
  private final String report;

  StoredReport(ObjectMapper json, String report) {
    this.json = requireNonNull(json, "json is null");
    this.report = requireNonNull(report, "report is null");
  }

  /** Everything but the rows, with the rows counted and their size measured. */
  Summary summary() throws IOException {
    CountingStream counted = new CountingStream();
    try (JsonGenerator sizer = json.getFactory().createGenerator(counted)) {
      sizer.setRootValueSeparator(null);
      Parts parts = walk(parser -> sizer.copyCurrentStructure(parser));
      sizer.flush();
      return parts.summary(counted.count);
    }
  }

  /** As {@link #summary()} without measuring the rows (their size is reported as 0). */
  Summary outline() throws IOException {
    return walk(JsonParser::skipChildren).summary(0);
  }

  @SuppressWarnings("unchecked")
  void forEachRow(RowConsumer rows) throws IOException {
    walk(parser -> rows.accept(parser.readValueAs(List.class)));
  }

  private Parts walk(RowReader rows) throws IOException {
    Parts parts = new Parts();
    try (JsonParser parser = json.createParser(report)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return parts;
      }
      fields(parser, name -> {
        if (name.equals("multiStageQuery") && isObject(parser)) {
          fields(parser, inner -> {
            if (inner.equals("payload") && isObject(parser)) {
              fields(parser, part -> readPayloadPart(parser, part, parts, rows));
            } else {
              parser.skipChildren();
            }
          });
        } else {
          parser.skipChildren();
        }
      });
    }
    return parts;
  }

  private static void readPayloadPart(JsonParser parser, String name, Parts parts, RowReader rows) throws IOException {
    switch (name) {
      case "status" -> parts.status = tree(parser);
      case "stages" -> parts.stages = tree(parser);
      case "counters" -> parts.counters = tree(parser);
      case "results" -> {
        if (!isObject(parser)) {
          parser.skipChildren();
          return;
        }
        fields(parser, field -> {
          if (field.equals("signature")) {
            parts.signature = tree(parser);
          } else if (field.equals("sqlTypeNames")) {
            parts.sqlTypeNames = tree(parser);
          } else if (field.equals("results") && parser.currentToken() == JsonToken.START_ARRAY) {
            parts.hasResults = true;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              rows.read(parser);
              parts.rowCount++;
            }
          } else {
            parser.skipChildren();
          }
        });
      }
      default -> parser.skipChildren();
    }
  }

  /** Reads each field of the object the parser stands on, with the parser on the field's value. */
  private static void fields(JsonParser parser, FieldReader field) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      field.read(name);
    }
  }

  private static JsonNode tree(JsonParser parser) throws IOException {
    JsonNode node = parser.readValueAsTree();
    return node == null ? MissingNode.getInstance() : node;
  }

  private static boolean isObject(JsonParser parser) {
    return parser.currentToken() == JsonToken.START_OBJECT;
  }

  /** The parts found so far while walking a report. */
  private static final class Parts {
    JsonNode status = MissingNode.getInstance();
    JsonNode stages = MissingNode.getInstance();
    JsonNode counters = MissingNode.getInstance();
    JsonNode signature = MissingNode.getInstance();
    JsonNode sqlTypeNames = MissingNode.getInstance();
    boolean hasResults;
    long rowCount;

    Summary summary(long rowBytes) {
      return new Summary(status, stages, counters, signature, sqlTypeNames, hasResults, rowCount, rowBytes);
    }
  }

  /** Counts the bytes written to it and keeps none. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
