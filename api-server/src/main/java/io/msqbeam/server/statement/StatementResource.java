package io.msqbeam.server.statement;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.msqbeam.server.http.Routes;
import io.msqbeam.server.metadata.TaskRecord;
import io.msqbeam.server.sql.LegacyQueryException;
import io.msqbeam.server.sql.ResultColumn;
import io.msqbeam.server.sql.SqlParameters;
import io.msqbeam.server.sql.SqlQuery;
import io.msqbeam.server.sql.SqlQueryReader;
import io.msqbeam.server.task.TaskService;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.QueryPlan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Druid's statements API (druid-behaviour.md §5.5) over the task engine: {@code POST
 * /druid/v2/sql/statements} submits the statement as an MSQ task (so the task API answers for it too)
 * and answers its status; {@code GET …/{id}[?detail=true]} is the status of any MSQ task,
 * {@code GET …/{id}/results} its rows, {@code DELETE …/{id}} cancels it (202; 200 when it had already
 * ended), and {@code GET …/enabled} tells the web console the API is there.
 *
 * <p>Errors are Druid's current error bodies (§6.4), thrown for {@link io.msqbeam.server.http.ErrorMapping};
 * anything unexpected while reading a statement is Druid's {@code Failed to handle query [id]}.
 */
public final class StatementResource implements Routes {
  private static final String PATH = "/druid/v2/sql/statements";

  private final TaskService tasks;
  private final ObjectMapper json;
  private final SqlQueryReader reader;
  private final StatementResults results;

  public StatementResource(TaskService tasks, ObjectMapper json) {
    this.tasks = requireNonNull(tasks, "tasks is null");
    this.json = requireNonNull(json, "json is null");
    this.reader = new SqlQueryReader(json);
    this.results = new StatementResults(json);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(PATH, this::submit);
    routes.post(PATH + "/", this::submit);
    routes.get(PATH + "/enabled", ctx -> ctx.json(Map.of("enabled", true)));
    routes.get(PATH + "/{id}", ctx -> guarded(ctx, this::status));
    routes.get(PATH + "/{id}/results", ctx -> guarded(ctx, this::results));
    routes.delete(PATH + "/{id}", ctx -> guarded(ctx, this::cancel));
  }

  private void submit(Context ctx) throws IOException {
    SqlQuery request = reader.read(ctx.bodyAsBytes());
    Map<String, Object> context = StatementContext.forTask(request.context(), request.resultFormat());
    StatementContext.check(context);
    Object requestedId = context.get("sqlQueryId");
    String sqlQueryId = requestedId == null || requestedId.toString().isEmpty()
        ? TaskService.newQueryId() : requestedId.toString();
    String taskId = tasks.submit(request.query(), context, SqlParameters.of(request.parameters()), sqlQueryId);
    respond(ctx, status(taskId, false).orElseThrow(() -> StatementErrors.notFound(taskId)));
  }

  private void status(Context ctx, String id) throws IOException {
    boolean detail = Boolean.parseBoolean(ctx.queryParam("detail"));
    respond(ctx, status(id, detail).orElseThrow(() -> StatementErrors.notFound(id)));
  }

  private void results(Context ctx, String id) throws IOException {
    Long page = page(ctx.queryParam("page"));
    if (page == null && ctx.queryParam("page") != null) {
      ctx.status(404);  // Druid's JAX-RS resource answers a page that is not a number with a bare 404
      return;
    }
    if (page != null && page < 0) {
      throw StatementErrors.negativePage();
    }
    TaskRecord record = tasks.record(id).orElseThrow(() -> StatementErrors.notFound(id));
    StatementState state = StatementState.of(record);
    if (!state.isTerminal()) {
      throw StatementErrors.notComplete(id, state);
    }
    if (state == StatementState.FAILED) {
      throw StatementErrors.failed(id);
    }
    String filename = ctx.queryParam("filename");
    results.send(ctx, record, page, ctx.queryParam("resultFormat"),
        filename == null ? null : ResultsFilename.contentDisposition(filename));
  }

  private void cancel(Context ctx, String id) {
    TaskRecord record = tasks.record(id).orElseThrow(() -> StatementErrors.notFound(id));
    if (StatementState.of(record).isTerminal()) {
      ctx.status(200);  // a no-op, as in Druid
      return;
    }
    tasks.shutdown(id);
    ctx.status(202);
  }

  /**
   * The status of task {@code id}, or empty if there is none. A running task's columns come from its
   * plan; its report is read only with {@code detail}, as Druid fetches it only then.
   */
  private Optional<StatementStatus> status(String id, boolean detail) throws IOException {
    Optional<TaskRecord> found = tasks.record(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TaskRecord record = found.get();
    Optional<QueryPlan> plan = tasks.livePlan(id);
    if (plan.isEmpty() && !StatementState.of(record).isTerminal()) {
      record = tasks.record(id).orElse(record);  // it ended between the two reads
    }
    if (StatementState.of(record).isTerminal()) {
      return Optional.of(new StatementStatus(record, null, record.reportJson(), detail, json));
    }
    List<ResultColumn> schema = plan.map(StatementSchema::of).orElse(null);
    String report = detail ? tasks.report(id).orElse(null) : null;
    return Optional.of(new StatementStatus(record, schema, report, detail, json));
  }

  private void respond(Context ctx, StatementStatus status) throws IOException {
    ctx.status(200).contentType("application/json");
    JsonGenerator out = json.getFactory().createGenerator(ctx.outputStream());
    status.writeTo(out);
    out.flush();
  }

  private static Long page(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A handler of one statement id. */
  private interface StatementHandler {
    void handle(Context ctx, String id) throws IOException;
  }

  /** Runs {@code handler}, turning what Druid would not expect into its {@code Failed to handle query}. */
  private static void guarded(Context ctx, StatementHandler handler) throws IOException {
    String id = ctx.pathParam("id");
    try {
      handler.handle(ctx, id);
    } catch (DruidException | LegacyQueryException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw StatementErrors.cannotHandle(id, e);
    }
  }
}
