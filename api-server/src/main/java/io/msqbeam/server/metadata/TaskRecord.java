package io.msqbeam.server.metadata;

import static java.util.Objects.requireNonNull;

/**
 * One task as the metadata store keeps it: what was submitted and its latest status.
 *
 * <p>Status codes are kept as the strings Druid shows ({@code statusCode}: RUNNING, SUCCESS, FAILED;
 * {@code runnerStatusCode}: PENDING, RUNNING, WAITING, NONE), so the store does not depend on the task
 * service's types. Times are epoch milliseconds.
 *
 * @param id task id, e.g. {@code query-<sqlQueryId>}
 * @param type Druid task type, e.g. {@code query_controller}
 * @param dataSource target datasource ({@code __query_select} for SELECT)
 * @param sqlText the SQL statement; nullable (a task need not come from SQL)
 * @param contextJson the query context as JSON, {@code {}} when empty
 * @param createdTime when the task was submitted
 * @param statusCode Druid's {@code statusCode}
 * @param runnerStatusCode Druid's {@code runnerStatusCode}
 * @param durationMs -1 until the task completes
 * @param errorMsg nullable; Druid's {@code errorMsg}, e.g. {@code "InsertTimeNull: …"}
 * @param locationHost nullable while the task has not started
 * @param locationPort -1 while the task has not started
 * @param reportJson nullable; the latest task report ({@code GET …/reports}) as JSON
 * @param updatedTime when this record last changed
 */
public record TaskRecord(
    String id,
    String type,
    String dataSource,
    String sqlText,
    String contextJson,
    long createdTime,
    String statusCode,
    String runnerStatusCode,
    long durationMs,
    String errorMsg,
    String locationHost,
    int locationPort,
    String reportJson,
    long updatedTime) {
  public TaskRecord {
    requireNonNull(id, "id is null");
    requireNonNull(type, "type is null");
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(contextJson, "contextJson is null");
    requireNonNull(statusCode, "statusCode is null");
    requireNonNull(runnerStatusCode, "runnerStatusCode is null");
  }

  /** A task just submitted: RUNNING/PENDING, no duration, no location, no report. */
  public static TaskRecord submitted(
      String id, String type, String dataSource, String sqlText, String contextJson, long createdTime) {
    return new TaskRecord(id, type, dataSource, sqlText, contextJson, createdTime,
        "RUNNING", "PENDING", -1, null, null, -1, null, createdTime);
  }

  public TaskRecord withStatus(String newStatusCode, String newRunnerStatusCode, long newDurationMs, String newErrorMsg) {
    return new TaskRecord(id, type, dataSource, sqlText, contextJson, createdTime,
        newStatusCode, newRunnerStatusCode, newDurationMs, newErrorMsg, locationHost, locationPort, reportJson, updatedTime);
  }

  public TaskRecord withLocation(String newHost, int newPort) {
    return new TaskRecord(id, type, dataSource, sqlText, contextJson, createdTime,
        statusCode, runnerStatusCode, durationMs, errorMsg, newHost, newPort, reportJson, updatedTime);
  }

  public TaskRecord withReportJson(String newReportJson) {
    return new TaskRecord(id, type, dataSource, sqlText, contextJson, createdTime,
        statusCode, runnerStatusCode, durationMs, errorMsg, locationHost, locationPort, newReportJson, updatedTime);
  }

  public TaskRecord withUpdatedTime(long newUpdatedTime) {
    return new TaskRecord(id, type, dataSource, sqlText, contextJson, createdTime,
        statusCode, runnerStatusCode, durationMs, errorMsg, locationHost, locationPort, reportJson, newUpdatedTime);
  }
}
