package io.msqbeam.server.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.runners.JobState;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.server.http.JsonBody;
import io.msqbeam.server.http.Routes;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.error.UncategorizedError;
import io.msqbeam.translator.plan.ColumnMapping;
import io.msqbeam.translator.plan.TaskReportDestination;
import io.msqbeam.translator.planner.PlannedStatement;
import io.msqbeam.translator.planner.StatementPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code POST /druid/v2/sql}: plans a SELECT with the same planner as the task engine, runs it on the
 * runner, and answers in Druid's {@code object} or {@code array} result format (TIMESTAMPs as ISO
 * strings, as the SQL API does).
 */
public final class SqlResource implements Routes {
  private final Catalog catalog;
  private final Runner runner;
  private final ObjectMapper json;
  private final JsonBody body;
  private final Path tmpDir;
  private final Path deepStorageDir;

  public SqlResource(Catalog catalog, Runner runner, ObjectMapper json, Path tmpDir, Path deepStorageDir) {
    this.catalog = catalog;
    this.runner = runner;
    this.json = json;
    this.body = new JsonBody(json);
    this.tmpDir = tmpDir;
    this.deepStorageDir = deepStorageDir;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/druid/v2/sql", this::query);
    routes.post("/druid/v2/sql/", this::query);
  }

  private void query(Context ctx) throws IOException, InterruptedException {
    JsonNode request = body.read(ctx, JsonNode.class);
    String format = request.path("resultFormat").asText("object");
    if (!format.equals("object") && !format.equals("array")) {
      throw InvalidSqlInput.exception("Result format [" + format + "] is not supported by this server yet");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> context = request.has("context") && request.get("context").isObject()
        ? json.convertValue(request.get("context"), LinkedHashMap.class) : new LinkedHashMap<>();
    String sqlQueryId = context.get("sqlQueryId") == null ? UUID.randomUUID().toString()
        : context.get("sqlQueryId").toString();
    ctx.header("X-Druid-SQL-Query-Id", sqlQueryId);
    ctx.header("X-Druid-Query-Id", sqlQueryId);
    String sql = request.path("query").asText("");
    PlannedStatement statement = new StatementPlanner(catalog)
        .plan(sql, context, "sql-" + sqlQueryId, Instant.now().toString());
    if (statement.kind() != PlannedStatement.Kind.SELECT) {
      throw InvalidSqlInput.exception(statement.kind() == PlannedStatement.Kind.INSERT
          ? "INSERT operations are not supported by requested SQL engine [native], consider using MSQ."
          : "REPLACE operations are not supported by the requested SQL engine [native].  Consider using MSQ.");
    }
    TaskReportDestination destination = (TaskReportDestination) statement.plan().destination();
    Path workDir = Files.createTempDirectory(Files.createDirectories(tmpDir), "sql-");
    try {
      Path outputDir = workDir.resolve("output");
      RunningJob job = runner.submit(statement.plan(), new PipelineSettings(outputDir.toString(),
          workDir.resolve("work").toString(), deepStorageDir.toString()));
      JobState state;
      do {
        state = job.await(Duration.ofSeconds(1));
      } while (!state.isTerminal());
      if (state != JobState.SUCCEEDED) {
        throw UncategorizedError.exception("Query failed: " + (job.failure() == null ? state : job.failure().getMessage()),
            job.failure());
      }
      List<String> names = destination.columnMappings().stream().map(ColumnMapping::outputColumn).toList();
      List<String> sqlTypes = destination.sqlTypeNames();
      List<Object> rows = new ArrayList<>();
      JobOutputs.readResults(outputDir, row -> rows.add(format.equals("object") ? asObject(names, sqlTypes, row)
          : asArray(sqlTypes, row)));
      ctx.header("X-Druid-Response-Context", "{}");
      ctx.contentType("application/json").result(json.writeValueAsString(rows) + "\n");
    } catch (DruidException e) {
      throw e;
    } finally {
      try (Stream<Path> paths = Files.walk(workDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Map<String, Object> asObject(List<String> names, List<String> sqlTypes, List<Object> row) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      object.put(names.get(i), sqlValue(sqlTypes.get(i), row.get(i)));
    }
    return object;
  }

  private static List<Object> asArray(List<String> sqlTypes, List<Object> row) {
    List<Object> out = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      out.add(sqlValue(sqlTypes.get(i), row.get(i)));
    }
    return out;
  }

  private static Object sqlValue(String sqlType, Object value) {
    if (value == null) {
      return null;
    }
    return switch (sqlType) {
      case "TIMESTAMP", "DATE" -> io.msqbeam.server.task.ReportBuilder.iso(((Number) value).longValue());
      case "BOOLEAN" -> ((Number) value).longValue() != 0;
      default -> value;
    };
  }
}
