package io.msqbeam.server.task;

import io.msqbeam.server.metadata.TaskRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a task record as Druid's task status object, fields in Druid's order (§5.2). */
final class TaskStatusJson {
  private TaskStatusJson() {}

  static Map<String, Object> of(TaskRecord record) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", record.id());
    status.put("groupId", record.id());
    status.put("type", record.type());
    status.put("createdTime", ReportBuilder.iso(record.createdTime()));
    status.put("queueInsertionTime", "1970-01-01T00:00:00.000Z");
    status.put("statusCode", record.statusCode());
    status.put("status", record.statusCode());
    status.put("runnerStatusCode", record.runnerStatusCode());
    status.put("duration", record.durationMs());
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("host", record.locationHost());
    location.put("port", record.locationPort());
    location.put("tlsPort", -1);
    status.put("location", location);
    status.put("dataSource", record.dataSource());
    status.put("errorMsg", record.errorMsg());
    return status;
  }
}
