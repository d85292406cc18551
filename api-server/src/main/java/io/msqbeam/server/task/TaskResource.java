package io.msqbeam.server.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.msqbeam.server.http.DruidErrorBody;
import io.msqbeam.server.http.Routes;
import io.msqbeam.server.metadata.TaskRecord;
import io.msqbeam.server.sql.SqlParameters;
import io.msqbeam.server.sql.ResultStreamer;
import io.msqbeam.server.sql.SqlQuery;
import io.msqbeam.translator.planner.Explanation;
import io.msqbeam.translator.planner.PlannedStatement;
import io.msqbeam.server.sql.SqlQueryReader;
import io.msqbeam.translator.error.DruidException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Druid's task endpoints: {@code POST /druid/v2/sql/task}, and status, reports and shutdown under
 * {@code /druid/indexer/v1/task/{id}} (plus the shutdown aliases real clients use).
 */
public final class TaskResource implements Routes {
  private final TaskService service;
  private final SqlQueryReader reader;
  private final ObjectMapper json;

  public TaskResource(TaskService service, ObjectMapper json) {
    this.service = service;
    this.json = json;
    this.reader = new SqlQueryReader(json);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/druid/v2/sql/task", this::submit);
    routes.post("/druid/v2/sql/task/", this::submit);
    routes.get("/druid/indexer/v1/task/{id}/status", this::status);
    routes.get("/druid/indexer/v1/task/{id}/reports", this::reports);
    routes.post("/druid/indexer/v1/task/{id}/shutdown", this::shutdown);
    routes.post("/druid/indexer/v1/task/{id}", this::shutdown);
    routes.post("/druid/v2/sql/task/{id}/shutdown", this::shutdown);
  }

  private void submit(Context ctx) throws java.io.IOException {
    // Druid's SqlTaskResource takes the SQL API's body: the same reading, errors and dynamic parameters.
    SqlQuery request = reader.read(ctx.bodyAsBytes());
    String sql = request.query();
    Map<String, Object> context = new LinkedHashMap<>(request.context());
    Object requested = context.get("sqlQueryId");
    String sqlQueryId = requested == null ? TaskService.newQueryId() : requested.toString();
    try {
      PlannedStatement statement = service.plan(sql, context, SqlParameters.of(request.parameters()), sqlQueryId);
      if (statement.explain()) {
        // Druid's SqlTaskResource answers EXPLAIN itself, as the SQL API would: no task.
        ResultStreamer.explain(ctx, request, Explanation.of(statement), json);
        return;
      }
      String taskId = service.submit(statement, sql, context, sqlQueryId);
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("taskId", taskId);
      response.put("state", "RUNNING");
      ctx.status(202).json(response);
    } catch (DruidException e) {
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("taskId", sqlQueryId);
      response.put("state", "FAILED");
      response.put("error", DruidErrorBody.of(e));
      ctx.status(DruidErrorBody.httpStatus(e)).json(response);
    }
  }

  private void status(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<TaskRecord> record = service.record(id);
    if (record.isEmpty()) {
      notFound(ctx, id);
      return;
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("task", id);
    response.put("status", TaskStatusJson.of(record.get()));
    ctx.json(response);
  }

  private void reports(Context ctx) {
    String id = ctx.pathParam("id");
    if (service.record(id).isEmpty()) {
      notFound(ctx, id);
      return;
    }
    Optional<String> report = service.report(id);
    if (report.isEmpty() || report.get() == null) {
      ctx.status(404).contentType("application/json")
          .result("No task reports were found for this task. The task may not exist, or it may not have completed yet.");
      return;
    }
    ctx.contentType("application/json").result(report.get());
  }

  private void shutdown(Context ctx) {
    String id = ctx.pathParam("id");
    if (!service.shutdown(id)) {
      notFound(ctx, id);
      return;
    }
    ctx.json(Map.of("task", id));
  }

  private static void notFound(Context ctx, String id) {
    ctx.status(404).contentType("text/plain").result("Cannot find any task with id: [" + id + "]");
  }
}
