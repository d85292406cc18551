package io.msqbeam.translator.catalog;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One row of Druid's {@code sys.tasks}, in its column order. Times are ISO instants; a task that has
 * not started has no location ({@code location} and {@code host} null, ports -1).
 *
 * @param status Druid's {@code statusCode}: RUNNING, SUCCESS or FAILED
 * @param runnerStatus Druid's {@code runnerStatusCode}: WAITING, PENDING, RUNNING or NONE once complete
 * @param duration milliseconds; -1 while the task runs
 * @param location {@code host:port}; nullable
 */
public record TaskRow(
    String taskId,
    String groupId,
    String type,
    String dataSource,
    String createdTime,
    String queueInsertionTime,
    String status,
    String runnerStatus,
    long duration,
    String location,
    String host,
    long plaintextPort,
    long tlsPort,
    String errorMsg) {
  public TaskRow {
    requireNonNull(taskId, "taskId is null");
    requireNonNull(type, "type is null");
  }

  /** The values in {@code sys.tasks} column order. */
  public List<Object> values() {
    return Arrays.asList(taskId, groupId, type, dataSource, createdTime, queueInsertionTime, status, runnerStatus,
        duration, location, host, plaintextPort, tlsPort, errorMsg);
  }
}
