package io.msqbeam.server.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.plan.HttpInputSourceConfig;
import io.msqbeam.runners.JobState;
import io.msqbeam.server.runner.RunnerSelection;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.server.http.Routes;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.error.UncategorizedError;
import io.msqbeam.translator.plan.TaskReportDestination;
import io.msqbeam.translator.planner.PlannedStatement;
import io.msqbeam.translator.planner.SqlEngine;
import io.msqbeam.translator.planner.StatementPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Druid's SQL API: {@code POST /druid/v2/sql} (and {@code /druid/v2/sql/}) plans a SELECT with the same
 * planner as the task engine, runs it on the runner and streams its rows in the requested result
 * format; {@code DELETE /druid/v2/sql/{sqlQueryId}} cancels the queries running with that id.
 *
 * <p>Every answer after the body was read carries {@code X-Druid-SQL-Query-Id} and
 * {@code X-Druid-Query-Id} (druidapi relies on them). Errors before the first row are Druid's JSON
 * errors; after it, the body is cut short, as Druid does ({@link ResultStreamer}).
 */
public final class SqlResource implements Routes {
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);

  private final Catalog catalog;
  /** What {@code http} input sources may read (the server's allow-list). */
  private final HttpInputSourceConfig httpInput;
  private final RunnerSelection runners;
  private final ObjectMapper json;
  private final SqlQueryReader reader;
  private final RunningQueries running = new RunningQueries();
  private final Path tmpDir;
  private final Path deepStorageDir;

  private final long inputSplitBytes;

  public SqlResource(Catalog catalog, RunnerSelection runners, ObjectMapper json, Path tmpDir, Path deepStorageDir,
      long inputSplitBytes, HttpInputSourceConfig httpInput) {
    this.httpInput = httpInput;
    this.inputSplitBytes = inputSplitBytes;
    this.catalog = catalog;
    this.runners = runners;
    this.json = json;
    this.reader = new SqlQueryReader(json);
    this.tmpDir = tmpDir;
    this.deepStorageDir = deepStorageDir;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/druid/v2/sql", this::query);
    routes.post("/druid/v2/sql/", this::query);
    routes.delete("/druid/v2/sql/{sqlQueryId}", this::cancel);
    routes.exception(LegacyQueryException.class, (e, ctx) ->
        ctx.status(LegacyQueryErrorBody.httpStatus(e)).json(LegacyQueryErrorBody.of(e)));
  }

  private void cancel(Context ctx) {
    ctx.status(running.cancel(ctx.pathParam("sqlQueryId")) ? 202 : 404).contentType("application/json");
  }

  private void query(Context ctx) throws IOException, InterruptedException {
    Instant started = Instant.now();
    SqlQuery request = reader.read(ctx.bodyAsBytes());
    String sqlQueryId = SqlQueryContext.sqlQueryId(request.context());
    ctx.header("X-Druid-Query-Id", sqlQueryId);
    ctx.header("X-Druid-SQL-Query-Id", sqlQueryId);
    SqlQueryContext settings = SqlQueryContext.from(sqlQueryId, request.context());
    RunningQuery query = running.register(sqlQueryId);
    try {
      execute(ctx, request, settings, query, started);
    } finally {
      running.remove(query);
    }
  }

  private void execute(Context ctx, SqlQuery request, SqlQueryContext settings, RunningQuery query, Instant started)
      throws IOException, InterruptedException {
    PlannedStatement statement = plan(request, settings.sqlQueryId());
    if (statement.explain()) {
      ResultStreamer.explain(ctx, request, io.msqbeam.translator.planner.Explanation.of(statement), json);
      return;
    }
    String host = "localhost:" + ctx.req().getLocalPort();
    Instant deadline = settings.timeout() == null ? null : started.plus(settings.timeout());
    Path workDir = Files.createTempDirectory(Files.createDirectories(tmpDir), "sql-");
    try {
      Path outputDir = workDir.resolve("output");
      checkNotStopped(query, deadline, host);
      RunningJob job = runners.forSql(request.context()).submit(statement.plan(), new PipelineSettings(outputDir.toString(),
          workDir.resolve("work").toString(), deepStorageDir.toString(), inputSplitBytes));
      query.attach(job);
      awaitSuccess(job, query, deadline, host);
      ResultValueConverter converter = new ResultValueConverter(
          ((TaskReportDestination) statement.plan().destination()).sqlTypeNames(),
          settings.timeZone(), settings.stringifyArrays(), json, UncoercibleColumns.of(statement.plan()));
      // A first row Druid cannot write fails the query before the response starts, as in Druid.
      JobOutputs.firstResult(outputDir).ifPresent(converter::convert);
      new ResultStreamer(json).stream(ctx, request, ResultColumn.of(statement.plan()), converter, outputDir, query);
    } finally {
      deleteRecursively(workDir);
    }
  }

  private PlannedStatement plan(SqlQuery request, String sqlQueryId) {
    PlannedStatement statement = new StatementPlanner(catalog, httpInput)
        .plan(request.query(), request.context(), SqlParameters.of(request.parameters()), "sql-" + sqlQueryId,
            Instant.now().toString(), SqlEngine.NATIVE);
    return switch (statement.kind()) {
      case SELECT -> statement;
      case INSERT -> throw InvalidSqlInput.exception(
          "INSERT operations are not supported by requested SQL engine [native], consider using MSQ.");
      case REPLACE -> throw InvalidSqlInput.exception(
          "REPLACE operations are not supported by the requested SQL engine [native].  Consider using MSQ.");
    };
  }

  /** Waits for the job; a cancel or the deadline stops it and answers with Druid's legacy error. */
  private static void awaitSuccess(RunningJob job, RunningQuery query, Instant deadline, String host)
      throws InterruptedException {
    JobState state = job.state();
    while (!state.isTerminal()) {
      Duration wait = POLL;
      if (deadline != null) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
          job.cancel();
          job.await(CANCEL_GRACE);
          throw LegacyQueryException.timedOut(query.sqlQueryId(), host);
        }
        wait = left.compareTo(POLL) < 0 ? left : POLL;
      }
      state = job.await(wait);
    }
    if (query.isCancelled() || state == JobState.CANCELLED) {
      throw LegacyQueryException.cancelled(host);
    }
    if (state == JobState.FAILED) {
      throw UncategorizedError.exception(
          "Query failed: " + (job.failure() == null ? state : job.failure().getMessage()), job.failure());
    }
  }

  private static void checkNotStopped(RunningQuery query, Instant deadline, String host) {
    if (query.isCancelled()) {
      throw LegacyQueryException.cancelled(host);
    }
    if (deadline != null && !Instant.now().isBefore(deadline)) {
      throw LegacyQueryException.timedOut(query.sqlQueryId(), host);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
