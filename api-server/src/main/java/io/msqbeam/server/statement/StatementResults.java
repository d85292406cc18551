package io.msqbeam.server.statement;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.msqbeam.server.metadata.TaskRecord;
import io.msqbeam.server.sql.ResultFormat;
import io.msqbeam.server.sql.ResultHeader;
import io.msqbeam.server.sql.ResultWriter;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /druid/v2/sql/statements/{id}/results}: a succeeded statement's rows, in the requested
 * result format, written by the SQL API's own writers and read one at a time from the task's report.
 *
 * <p>As Druid, the rows are the report's values as they are (a TIMESTAMP is epoch millis, not the SQL
 * API's ISO string) and no header rows are written. A report holds one page (id 0); with no
 * {@code resultFormat} the request's format at submit (context {@code __resultFormat}) applies, else
 * {@code object}. An ingestion answers 200 with an empty body.
 */
final class StatementResults {
  private static final TypeReference<Map<String, Object>> CONTEXT = new TypeReference<>() {};

  private final ObjectMapper json;

  StatementResults(ObjectMapper json) {
    this.json = requireNonNull(json, "json is null");
  }

  /**
   * Answers for a task already known to have succeeded.
   *
   * @param page the requested page, null for all, already checked not negative
   * @param contentDisposition the header to send, null for none
   */
  void send(Context ctx, TaskRecord record, Long page, String resultFormat, String contentDisposition)
      throws IOException {
    if (contentDisposition != null) {
      ctx.header("Content-Disposition", contentDisposition);
    }
    if (!StatementStatus.SELECT_DATA_SOURCE.equals(record.dataSource()) || record.reportJson() == null) {
      ctx.status(200);
      return;
    }
    if (page != null && page > 0) {
      throw StatementErrors.pageOutOfRange(page);
    }
    StoredReport report = new StoredReport(json, record.reportJson());
    StoredReport.Summary outline = report.outline();
    if (!outline.hasResults()) {
      ctx.status(200);
      return;
    }
    ResultFormat format = format(resultFormat, record);
    ctx.status(200).contentType("application/json");
    ResultWriter writer = format.newWriter(ctx.outputStream(), json);
    writer.start(StatementSchema.of(outline), ResultHeader.NONE);
    report.forEachRow(writer::writeRow);
    writer.finish();
  }

  /**
   * The requested format, else the one stored at submit, else {@code object}; an unknown name fails
   * with {@link IllegalArgumentException}, which Druid answers as an unexpected error.
   */
  private ResultFormat format(String requested, TaskRecord record) throws IOException {
    if (requested != null) {
      return ResultFormat.fromString(requested);
    }
    Object stored = json.readValue(record.contextJson(), CONTEXT).get(StatementContext.RESULT_FORMAT);
    return stored == null ? ResultFormat.OBJECT : ResultFormat.fromString(stored.toString());
  }
}
