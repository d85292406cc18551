package io.msqbeam.server.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.input.InputSplits;
import io.msqbeam.pipelines.segment.WrittenSegment;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.plan.HttpInputSourceConfig;
import io.msqbeam.runners.JobState;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.server.metadata.SegmentRecord;
import io.msqbeam.server.metadata.SegmentStore;
import io.msqbeam.server.metadata.TaskRecord;
import io.msqbeam.server.metadata.TaskStore;
import io.msqbeam.server.runner.RunnerSelection;
import io.msqbeam.server.segment.Publication;
import io.msqbeam.server.segment.SegmentAllocation;
import io.msqbeam.translator.plan.DataSourceDestination;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.planner.PlannedStatement;
import io.msqbeam.translator.planner.SqlParameter;
import io.msqbeam.translator.planner.StatementPlanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.joda.time.Interval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task lifecycle of the MSQ task API: plan on submit (planning errors reach the caller, no task
 * is made), queue for a slot, run on the runner, publish the written segments in one metadata
 * transaction only if the job succeeded, and keep status and the final report in the metadata store.
 */
public final class TaskService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);
  private static final String TASK_TYPE = "query_controller";

  private final TaskStore tasks;
  /** What {@code http} input sources may read (the server's allow-list). */
  private final HttpInputSourceConfig httpInput;
  private final SegmentStore segments;
  private final RunnerSelection runners;
  private final MetadataCatalog catalog;
  private final ObjectMapper json;
  private final Path tmpDir;
  private final Path deepStorageDir;
  private final String locationHost;
  private final int locationPort;
  private final ReportBuilder reports;
  private final ThreadLocal<java.util.concurrent.locks.ReentrantLock> heldLock = new ThreadLocal<>();
  private final ExecutorService slots;
  private final Map<String, LiveTask> live = new ConcurrentHashMap<>();
  /**
   * One writer per datasource at a time: Druid's time-chunk locks, taken over the whole datasource.
   * Coarser than Druid (non-overlapping intervals also wait), never interleaving.
   */
  private final Map<String, java.util.concurrent.locks.ReentrantLock> dataSourceLocks = new ConcurrentHashMap<>();

  private final long inputSplitBytes;

  public TaskService(TaskStore tasks, SegmentStore segments, RunnerSelection runners, MetadataCatalog catalog, ObjectMapper json,
      Path tmpDir, Path deepStorageDir, String locationHost, int locationPort, int taskSlots,
      long inputSplitBytes, HttpInputSourceConfig httpInput) {
    this.httpInput = httpInput;
    this.inputSplitBytes = inputSplitBytes;
    this.tasks = tasks;
    this.segments = segments;
    this.runners = runners;
    this.catalog = catalog;
    this.json = json;
    this.tmpDir = tmpDir;
    this.deepStorageDir = deepStorageDir;
    this.locationHost = locationHost;
    this.locationPort = locationPort;
    this.reports = new ReportBuilder(locationHost + ":" + locationPort);
    this.slots = Executors.newFixedThreadPool(taskSlots, r -> {
      Thread thread = new Thread(r, "task-slot");
      thread.setDaemon(true);
      return thread;
    });
    failTasksLeftRunning();
  }

  /** A restarted server cannot resume jobs of the previous process: they end FAILED, publishing nothing. */
  private void failTasksLeftRunning() {
    for (TaskRecord record : tasks.all()) {
      if (!record.statusCode().equals("SUCCESS") && !record.statusCode().equals("FAILED")) {
        tasks.update(record.withStatus("FAILED", "WAITING", -1, "Task was running when the server stopped")
            .withUpdatedTime(System.currentTimeMillis()));
      }
    }
  }

  /** Plans and queues a statement; returns the task id. Planning errors are thrown as DruidExceptions. */
  public String submit(String sql, Map<String, Object> context, String sqlQueryId) {
    return submit(sql, context, List.of(), sqlQueryId);
  }

  /** As {@link #submit(String, Map, String)}, with dynamic parameters bound to the {@code ?}s in order. */
  public String submit(String sql, Map<String, Object> context, List<SqlParameter> parameters, String sqlQueryId) {
    PlannedStatement statement = plan(sql, context, parameters, sqlQueryId);
    if (statement.explain()) {
      throw io.msqbeam.translator.error.InvalidInput.exception(
          "EXPLAIN PLAN FOR is answered by /druid/v2/sql/task and /druid/v2/sql, not run as a task");
    }
    return submit(statement, sql, context, sqlQueryId);
  }

  /**
   * Plans a statement as its task would run it (planning errors are thrown as DruidExceptions); an
   * {@code EXPLAIN PLAN FOR} is answered from this, with no task.
   */
  public PlannedStatement plan(String sql, Map<String, Object> context, List<SqlParameter> parameters,
      String sqlQueryId) {
    String version = Instant.ofEpochMilli(System.currentTimeMillis()).toString();
    return new StatementPlanner(catalog, httpInput).plan(sql, context, parameters, "query-" + sqlQueryId, version);
  }

  /** Queues a planned statement as task {@code query-<sqlQueryId>}; returns the task id. */
  public String submit(PlannedStatement statement, String sql, Map<String, Object> context, String sqlQueryId) {
    String taskId = "query-" + sqlQueryId;
    long now = System.currentTimeMillis();
    Runner runner = runners.forContext(context);
    LiveTask task = new LiveTask(taskId, statement, now, countInputFiles(statement));
    task.runner = runner;
    task.failOnEmptyInsert = new io.msqbeam.translator.planner.QueryContext(context).failOnEmptyInsert();
    task.maxParseExceptions = new io.msqbeam.translator.planner.QueryContext(context).maxParseExceptions();
    live.put(taskId, task);
    tasks.insert(TaskRecord.submitted(taskId, TASK_TYPE, statement.dataSource(), sql, toJson(context), now));
    slots.submit(() -> run(task));
    return taskId;
  }

  public static String newQueryId() {
    return UUID.randomUUID().toString();
  }

  public Optional<TaskRecord> record(String taskId) {
    return tasks.find(taskId);
  }

  /**
   * The plan of a task this server is still running (or queueing); empty once it has ended, when what
   * is left of it is its record and final report.
   */
  public Optional<QueryPlan> livePlan(String taskId) {
    LiveTask task = live.get(taskId);
    return task == null ? Optional.empty() : Optional.of(task.statement.plan());
  }

  /** The live report of a running task, or the stored final report. Empty if none exists yet. */
  public Optional<String> report(String taskId) {
    LiveTask task = live.get(taskId);
    if (task != null && task.phase == TaskPhase.PENDING) {
      return Optional.empty();  // Druid answers 404 until the controller writes its first report
    }
    if (task != null && !task.phase.isTerminal()) {
      return Optional.of(toJson(reports.build(task, null)));
    }
    return tasks.find(taskId).map(TaskRecord::reportJson);
  }

  /** Asks a task to stop; false if the task is unknown. Finished tasks are left as they are (200, as Druid). */
  public boolean shutdown(String taskId) {
    LiveTask task = live.get(taskId);
    if (task != null && !task.phase.isTerminal()) {
      task.requestShutdown();
      return true;
    }
    return tasks.find(taskId).isPresent();
  }

  private void run(LiveTask task) {
    Path workDir = tmpDir.resolve(task.id);
    Path outputDir = workDir.resolve("output");
    try {
      if (task.shutdownRequested) {
        finishCanceled(task);
        return;
      }
      java.util.concurrent.locks.ReentrantLock lock = null;
      task.runPlan = task.statement.plan();
      if (task.statement.plan().destination() instanceof DataSourceDestination destination) {
        lock = dataSourceLocks.computeIfAbsent(destination.dataSource(), d -> new java.util.concurrent.locks.ReentrantLock());
        while (!lock.tryLock(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          if (task.shutdownRequested) {
            finishCanceled(task);
            return;
          }
        }
        heldLock.set(lock);
        task.runPlan = task.statement.plan().withDestination(SegmentAllocation.allocate(destination,
            segments.usedSegments(destination.dataSource()), System.currentTimeMillis()));
      }
      task.startTime = System.currentTimeMillis();
      task.phase = TaskPhase.RUNNING;
      updateStatus(task, null);
      Files.createDirectories(outputDir);
      Fault limit = io.msqbeam.pipelines.fault.PlanLimits.check(task.runPlan);
      if (limit != null) {
        throw new FaultException(limit);
      }
      RunningJob job = task.runner.submit(task.runPlan,
          new PipelineSettings(outputDir.toString(), workDir.resolve("work").toString(), deepStorageDir.toString(),
              inputSplitBytes));
      task.job = job;
      if (task.shutdownRequested) {
        job.cancel();
      }
      JobState state;
      do {
        state = job.await(Duration.ofMillis(250));
        // Readers write each kept warning to the output directory as they meet the row, so the live report
        // lists them as Druid's does while the task runs: a listing of a few small files per poll.
        task.warnings = JobOutputs.parseWarnings(outputDir);
      } while (!state.isTerminal());
      task.finalCounters = job.counters();
      task.warnings = JobOutputs.parseWarnings(outputDir);  // before the work dir goes, whatever the outcome
      if (task.shutdownRequested || state == JobState.CANCELLED) {
        finishCanceled(task);
      } else if (state == JobState.FAILED) {
        finishFailed(task, job.failure());
      } else {
        checkWarnings(task);
        List<List<Object>> results = complete(task, outputDir);
        task.endTime = System.currentTimeMillis();
        task.phase = TaskPhase.SUCCESS;
        updateStatus(task, results);
      }
    } catch (RuntimeException | IOException | InterruptedException e) {
      finishFailed(task, e);
    } finally {
      java.util.concurrent.locks.ReentrantLock lock = heldLock.get();
      if (lock != null) {
        heldLock.remove();
        lock.unlock();
      }
      deleteQuietly(workDir);
      live.remove(task.id);
    }
  }

  /** Workers enforce the parse-exception limit locally; the job-wide total is checked here, before publishing. */
  private static void checkWarnings(LiveTask task) {
    long warnings = 0;
    for (Map<String, Map<String, Long>> stage : task.finalCounters.values().values()) {
      warnings += stage.getOrDefault(io.msqbeam.pipelines.counters.CounterNames.WARNINGS, Map.of())
          .getOrDefault("CannotParseExternalData", 0L);
    }
    if (task.maxParseExceptions >= 0 && warnings > task.maxParseExceptions) {
      throw new FaultException(Fault.tooManyWarnings(task.maxParseExceptions, "CannotParseExternalData"));
    }
  }

  /** Publishes an ingestion's segments (one transaction), or reads a SELECT's results. */
  private List<List<Object>> complete(LiveTask task, Path outputDir) {
    if (!(task.runPlan.destination() instanceof DataSourceDestination destination)) {
      List<List<Object>> rows = new ArrayList<>();
      JobOutputs.readResults(outputDir, rows::add);
      return rows;
    }
    List<SegmentRecord> added = new ArrayList<>();
    for (WrittenSegment segment : JobOutputs.writtenSegments(outputDir)) {
      Interval interval = Interval.parse(segment.interval());
      added.add(new SegmentRecord(segment.segmentId(), segment.dataSource(), interval.getStartMillis(),
          interval.getEndMillis(), segment.version(), segment.partitionNum(), true, segment.payloadJson()));
    }
    if (added.isEmpty() && task.failOnEmptyInsert) {
      throw new FaultException(Fault.insertCannotBeEmpty(destination.dataSource()));
    }
    Publication publication = Publication.of(destination, added, segments.usedSegments(destination.dataSource()), json);
    segments.publish(publication.toAdd(), publication.toMarkUnused());
    return null;
  }

  private void finishCanceled(LiveTask task) {
    task.fault = Fault.canceled();
    task.endTime = System.currentTimeMillis();
    task.phase = TaskPhase.FAILED;
    updateStatus(task, null, "Shutdown request from user", -1);
  }

  private void finishFailed(LiveTask task, Throwable failure) {
    Fault fault = failure == null ? null : FaultException.find(failure);
    if (fault == null) {
      LOG.warn("Task {} failed", task.id, failure);
      fault = Fault.unknown(failure == null ? "unknown failure" : rootMessage(failure));
    }
    task.fault = fault;
    task.exceptionStackTrace = failure == null ? null : stackTrace(failure);
    task.endTime = System.currentTimeMillis();
    task.phase = TaskPhase.FAILED;
    updateStatus(task, null, fault.statusMessage(), task.endTime - task.createdTime);
  }

  private void updateStatus(LiveTask task, List<List<Object>> results) {
    long duration = task.phase.isTerminal() ? task.endTime - task.createdTime : -1;
    updateStatus(task, results, null, duration);
  }

  private void updateStatus(LiveTask task, List<List<Object>> results, String errorMsg, long duration) {
    TaskRecord record = tasks.find(task.id).orElseThrow();
    TaskRecord updated = record.withStatus(task.phase.statusCode, task.phase.runnerStatusCode, duration, errorMsg)
        .withLocation(locationHost, locationPort)
        .withUpdatedTime(System.currentTimeMillis());
    if (task.phase.isTerminal()) {
      updated = updated.withReportJson(toJson(reports.build(task, results)));
    }
    tasks.update(updated);
  }

  private static int countInputFiles(PlannedStatement statement) {
    if (statement.plan().stages().get(0).input().get(0) instanceof ExternalInputSpec external) {
      try {
        return InputSplits.of(external.inputSource()).size();
      } catch (UncheckedIOException e) {
        return 0;
      }
    }
    return 0;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getName() + ": " + root.getMessage();
  }

  private static String stackTrace(Throwable failure) {
    StringWriter writer = new StringWriter();
    failure.printStackTrace(new PrintWriter(writer));
    return writer.toString();
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Cannot delete {}", dir, e);
    }
  }

  @Override
  public void close() {
    live.values().forEach(LiveTask::requestShutdown);
    slots.shutdownNow();
  }
}
