package io.msqbeam.server.statement;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.http.DruidErrorBody;
import io.msqbeam.server.metadata.TaskRecord;
import io.msqbeam.server.sql.ResultColumn;
import io.msqbeam.server.task.ReportBuilder;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code SqlStatementResult} of one task: {@code queryId}, {@code state}, {@code createdAt},
 * {@code schema}, {@code durationMs}, then {@code result} once it succeeded or {@code errorDetails} once
 * it failed, and with {@code detail} the report's {@code stages}, {@code counters} and {@code warnings};
 * absent fields are left out, in Druid's order.
 *
 * <p>{@code result.sampleRecords} holds every row of the report, as in Druid; they are copied from the
 * stored report to the response one at a time. {@code numTotalRows} is the report's row count and
 * {@code totalSizeInBytes} their size as compact JSON (Druid counts the bytes of its row frames, which
 * this engine does not write); an ingestion's {@code numTotalRows} is the rows its segment generator
 * pushed and its size 0, as Druid reports them.
 */
final class StatementStatus {
  /** The data source Druid's SELECT tasks report (a task's record says it too). */
  static final String SELECT_DATA_SOURCE = "__query_select";

  private final TaskRecord record;
  private final StatementState state;
  private final List<ResultColumn> schema;
  private final StoredReport report;
  private final StoredReport.Summary summary;
  private final boolean detail;
  private final ObjectMapper json;

  /**
   * @param schema the statement's columns while its task is alive; null to read them from the report
   * @param report the task's report, null when it has none (yet)
   * @param detail whether to add the report's stages, counters and warnings
   */
  StatementStatus(TaskRecord record, List<ResultColumn> schema, String report, boolean detail, ObjectMapper json)
      throws IOException {
    this.record = requireNonNull(record, "record is null");
    this.state = StatementState.of(record);
    this.json = requireNonNull(json, "json is null");
    this.report = report == null ? null : new StoredReport(json, report);
    this.summary = this.report == null ? null : this.report.summary();
    List<ResultColumn> columns = schema != null || summary == null ? schema : StatementSchema.of(summary);
    this.schema = columns == null ? null : List.copyOf(columns);
    this.detail = detail;
  }

  StatementState state() {
    return state;
  }

  void writeTo(JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("queryId", record.id());
    out.writeStringField("state", state.name());
    out.writeStringField("createdAt", ReportBuilder.iso(record.createdTime()));
    if (schema != null && state != StatementState.FAILED) {
      out.writeArrayFieldStart("schema");
      for (ResultColumn column : schema) {
        out.writeStartObject();
        out.writeStringField("name", column.name());
        out.writeStringField("type", column.sqlType());
        out.writeStringField("nativeType", column.nativeType());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeNumberField("durationMs", record.durationMs());
    if (state == StatementState.SUCCESS && summary != null) {
      out.writeFieldName("result");
      writeResult(out);
    }
    if (state == StatementState.FAILED) {
      out.writeObjectField("errorDetails", errorDetails());
    }
    if (detail && summary != null) {
      if (!summary.stages().isMissingNode()) {
        out.writeObjectField("stages", summary.stages());
      }
      if (!summary.counters().isMissingNode()) {
        out.writeObjectField("counters", summary.counters());
      }
      JsonNode warnings = summary.status().path("warnings");
      out.writeObjectField("warnings", warnings.isArray() ? warnings : json.createArrayNode());
    }
    out.writeEndObject();
  }

  private void writeResult(JsonGenerator out) throws IOException {
    out.writeStartObject();
    if (!SELECT_DATA_SOURCE.equals(record.dataSource())) {
      Long pushed = rowsPushed();
      if (pushed != null) {
        out.writeNumberField("numTotalRows", pushed);
        out.writeNumberField("totalSizeInBytes", 0);
      }
      out.writeStringField("dataSource", record.dataSource());
      out.writeEndObject();
      return;
    }
    out.writeNumberField("numTotalRows", summary.rowCount());
    out.writeNumberField("totalSizeInBytes", summary.rowBytes());
    out.writeStringField("dataSource", record.dataSource());
    out.writeArrayFieldStart("sampleRecords");
    report.forEachRow(out::writeObject);
    out.writeEndArray();
    out.writeArrayFieldStart("pages");
    out.writeStartObject();
    out.writeNumberField("id", 0);
    out.writeNumberField("numRows", summary.rowCount());
    out.writeNumberField("sizeInBytes", summary.rowBytes());
    out.writeEndObject();
    out.writeEndArray();
    out.writeEndObject();
  }

  /** The rows the final stage's segment generators pushed, summed over workers; null without counters. */
  private Long rowsPushed() {
    int finalStage = summary.stages().size() - 1;
    JsonNode workers = summary.counters().path(Integer.toString(finalStage));
    Long pushed = null;
    for (JsonNode worker : workers) {
      JsonNode progress = worker.path("segmentGenerationProgress").path("rowsPushed");
      if (progress.isNumber()) {
        pushed = (pushed == null ? 0 : pushed) + progress.asLong();
      }
    }
    return pushed;
  }

  /**
   * The failure as Druid's statement API words it: the report's fault as a {@code druidException}
   * (persona USER, category UNCATEGORIZED) whose code is the fault's and whose context holds the fault's
   * other fields as strings; without a fault, the status's {@code errorMsg} as a {@code general} error.
   */
  private DruidErrorBody errorDetails() {
    JsonNode error = summary == null ? json.missingNode() : summary.status().path("errorReport").path("error");
    if (!error.isObject()) {
      return new DruidErrorBody(DruidErrorBody.DRUID_EXCEPTION, "general", "DEVELOPER", "UNCATEGORIZED",
          String.valueOf(record.errorMsg()), Map.of());
    }
    Map<String, String> context = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = error.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("errorCode") && !field.getKey().equals("errorMessage")) {
        // Druid prints each value with String.valueOf of what Jackson read: "100", "[a, b]".
        context.put(field.getKey(), String.valueOf(json.convertValue(field.getValue(), Object.class)));
      }
    }
    String message = error.path("errorMessage").isTextual() ? error.path("errorMessage").asText()
        : String.valueOf(record.errorMsg());
    return new DruidErrorBody(DruidErrorBody.DRUID_EXCEPTION, error.path("errorCode").asText("unknown"), "USER",
        "UNCATEGORIZED", message, context);
  }
}
