package io.msqbeam.server.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.ParseWarning;
import io.msqbeam.runners.StageCounters;
import io.msqbeam.translator.plan.ColumnMapping;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.TableInputSpec;
import io.msqbeam.translator.plan.TaskReportDestination;
import io.msqbeam.translator.planner.PlannedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds Druid's {@code multiStageQuery} task report (plus {@code taskContext}) from a task's plan,
 * its state and the runner's counters, with Druid's field names and order (druid-behaviour.md §5.3).
 */
public final class ReportBuilder {
  private final String host;

  ReportBuilder(String host) {
    this.host = host;
  }

  Map<String, Object> build(LiveTask task, List<List<Object>> results) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("status", status(task));
    payload.put("stages", stages(task));
    payload.put("counters", counters(task));
    if (results != null && task.statement.plan().destination() instanceof TaskReportDestination destination) {
      payload.put("results", results(task.statement.plan(), destination, results));
    }
    Map<String, Object> multiStageQuery = new LinkedHashMap<>();
    multiStageQuery.put("type", "multiStageQuery");
    multiStageQuery.put("taskId", task.id);
    multiStageQuery.put("payload", payload);
    Map<String, Object> contextPayload = new LinkedHashMap<>();
    contextPayload.put("lookupLoadingMode", "NONE");
    contextPayload.put("useLineageBasedSegmentAllocation", true);
    contextPayload.put("forceTimeChunkLock", true);
    if (task.runner != null) {
      contextPayload.put("runner", task.runner.name());  // which Beam runner ran the task (not in Druid)
    }
    Map<String, Object> taskContext = new LinkedHashMap<>();
    taskContext.put("type", "taskContext");
    taskContext.put("taskId", task.id);
    taskContext.put("payload", contextPayload);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("multiStageQuery", multiStageQuery);
    report.put("taskContext", taskContext);
    return report;
  }

  private Map<String, Object> status(LiveTask task) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", task.phase.statusCode);
    if (task.fault != null) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("errorCode", task.fault.errorCode());
      error.put("errorMessage", task.fault.errorMessage());
      error.putAll(task.fault.fields());
      Map<String, Object> errorReport = new LinkedHashMap<>();
      errorReport.put("taskId", task.id);
      errorReport.put("host", host);
      errorReport.put("error", error);
      if (task.exceptionStackTrace != null) {
        errorReport.put("exceptionStackTrace", task.exceptionStackTrace);
      }
      status.put("errorReport", errorReport);
    }
    if (!task.warnings.isEmpty()) {
      status.put("warnings", warnings(task));
    }
    status.put("startTime", iso(task.startTime > 0 ? task.startTime : task.createdTime));
    status.put("durationMs", task.startTime < 0 ? -1 : (task.endTime > 0 ? task.endTime : now()) - task.startTime);
    Map<String, Object> workers = new LinkedHashMap<>();
    for (int number = 0; number < workerCount(task); number++) {
      Map<String, Object> worker = new LinkedHashMap<>();
      worker.put("workerId", workerId(task, number));
      worker.put("state", task.phase == TaskPhase.PENDING ? "PENDING" : task.phase.statusCode);
      worker.put("durationMs", task.endTime > 0 && task.phase == TaskPhase.SUCCESS ? task.endTime - task.startTime : -1);
      worker.put("pendingMs", 0);
      workers.put(Integer.toString(number), List.of(worker));
    }
    status.put("workers", workers);
    status.put("pendingTasks", 0);
    status.put("runningTasks", 1);
    if (task.statement.kind() == PlannedStatement.Kind.INSERT) {
      status.put("segmentReport", segmentReport("NumberedShardSpec",
          "Using NumberedShardSpec to generate segments since the query is inserting rows."));
    } else if (task.statement.kind() == PlannedStatement.Kind.REPLACE) {
      status.put("segmentReport", replaceSegmentReport(task.statement.plan()));
    }
    return status;
  }

  /**
   * Druid's {@code status.warnings}: an error report per kept parse warning, shaped like
   * {@code errorReport} and naming the worker task that met the row.
   */
  private List<Object> warnings(LiveTask task) {
    List<Object> reports = new ArrayList<>();
    for (ParseWarning warning : task.warnings) {
      Map<String, Object> error = new LinkedHashMap<>();
      Fault fault = warning.fault();
      error.put("errorCode", fault.errorCode());
      error.put("errorMessage", fault.errorMessage());
      error.putAll(fault.fields());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("taskId", workerId(task, warning.workerNumber()));
      report.put("host", host);
      report.put("stageNumber", warning.stageNumber());
      report.put("error", error);
      reports.add(report);
    }
    return reports;
  }

  private static String workerId(LiveTask task, int number) {
    return task.id + "-worker" + number + "_0";
  }

  /**
   * Druid's account of a REPLACE's shard specs: range on the leading string CLUSTERED BY columns
   * (the generator's {@code rangeDimensions}), naming the type of the first cluster key column left out.
   */
  private static Map<String, Object> replaceSegmentReport(QueryPlan plan) {
    StageDefinition last = plan.finalStage();
    SegmentGeneratorProcessor generator = (SegmentGeneratorProcessor) last.processor();
    ShuffleSpec shuffle = plan.stages().get(((StageInputSpec) last.input().get(0)).stage()).shuffleSpec();
    int clusterColumns = shuffle == null ? 0
        : shuffle.clusterBy().columns().size() - shuffle.clusterBy().bucketByCount();
    int ranged = generator.rangeDimensions().size();
    if (clusterColumns == 0) {
      return segmentReport("NumberedShardSpec",
          "Using NumberedShardSpec as no columns are supplied in the 'CLUSTERED BY' clause.");
    }
    String shardSpec = ranged == 0 ? "NumberedShardSpec" : "DimensionRangeShardSpec";
    if (ranged == clusterColumns) {
      return segmentReport(shardSpec, "Using 'range' shard specs with all CLUSTERED BY fields.");
    }
    String next = shuffle.clusterBy().columns().get(shuffle.clusterBy().bucketByCount() + ranged).columnName();
    StageDefinition input = plan.stages().get(((StageInputSpec) last.input().get(0)).stage());
    Object nextType = input.signature().stream().filter(column -> column.name().equals(next)).findFirst()
        .map(io.msqbeam.translator.plan.ColumnSignature::type).orElseThrow();
    return segmentReport(shardSpec, "Using[" + ranged + "] CLUSTERED BY columns for 'range' shard specs, since the"
        + " next column is of type[" + nextType
        + "]. Only string columns are included in 'range' shard specs.");
  }

  private static Map<String, Object> segmentReport(String shardSpec, String details) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("shardSpec", shardSpec);
    report.put("details", details);
    return report;
  }

  private List<Object> stages(LiveTask task) {
    ObjectMapper mapper = PlanJson.mapper();
    List<Object> stages = new ArrayList<>();
    StageCounters counters = task.counters();
    for (StageDefinition stage : task.statement.plan().stages()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("stageNumber", stage.stageNumber());
      entry.put("definition", mapper.convertValue(stage, Map.class));
      String phase = phase(task, stage, counters);
      if (phase != null) {
        entry.put("phase", phase);
        entry.put("workerCount", workerCount(task));
        entry.put("partitionCount", 1);
        if (stage.shuffleSpec() != null) {
          entry.put("shuffle", stage.shuffleSpec().clusterBy().columns().isEmpty() ? "mix" : "globalSort");
        }
        entry.put("output", "localStorage");
        entry.put("startTime", iso(task.startTime));
        entry.put("duration", (task.endTime > 0 ? task.endTime : now()) - task.startTime);
        if (stage.shuffleSpec() != null && !stage.shuffleSpec().clusterBy().columns().isEmpty()) {
          entry.put("sort", true);
        }
      }
      stages.add(entry);
    }
    return stages;
  }

  private static String phase(LiveTask task, StageDefinition stage, StageCounters counters) {
    if (task.startTime < 0 || task.phase == TaskPhase.FAILED) {
      return null;
    }
    if (task.phase == TaskPhase.SUCCESS) {
      return "FINISHED";
    }
    return stage.stageNumber() == 0 || !counters.stage(stage.stageNumber()).isEmpty() ? "READING_INPUT" : "NEW";
  }

  /** How many workers run each stage: the job's parallelism (1 before the job starts). */
  private static int workerCount(LiveTask task) {
    return task.job == null ? 1 : task.job.workerCount();
  }

  /** Druid's counters: stage → worker → counter, each worker with what it counted itself. */
  private Map<String, Object> counters(LiveTask task) {
    StageCounters counters = task.counters();
    Map<String, Object> all = new LinkedHashMap<>();
    for (StageDefinition stage : task.statement.plan().stages()) {
      int n = stage.stageNumber();
      Set<Integer> numbers = new TreeSet<>(counters.workers(n));
      if (numbers.isEmpty()) {
        numbers.add(0);
      }
      Map<String, Object> workers = new LinkedHashMap<>();
      for (int number : numbers) {
        // Rows a stage reads from an upstream stage are only counted as that stage's output, not by
        // the worker that received them: the first worker shows them all.
        boolean first = number == numbers.iterator().next();
        Map<String, Object> worker = workerCounters(task, stage, counters.ofWorker(number),
            first ? counters : StageCounters.EMPTY, first);
        if (!worker.isEmpty()) {
          workers.put(Integer.toString(number), worker);
        }
      }
      if (!workers.isEmpty()) {
        all.put(Integer.toString(n), workers);
      }
    }
    return all;
  }

  /**
   * The counters of one worker of a stage, from what that worker counted ({@code own}) and, for
   * what it read from upstream stages, the upstream stages' output ({@code upstream}).
   */
  private static Map<String, Object> workerCounters(LiveTask task, StageDefinition stage, StageCounters own,
      StageCounters upstream, boolean first) {
    int n = stage.stageNumber();
    Map<String, Object> worker = new LinkedHashMap<>();
    InputSpec input = stage.input().get(0);
    Map<String, Long> generation = own.stage(n).get(CounterNames.SEGMENT_GENERATION);
    if (input instanceof ExternalInputSpec || input instanceof TableInputSpec) {
      Map<String, Object> channel = channel(own.value(n, CounterNames.INPUT0, "rows"),
          input instanceof ExternalInputSpec ? own.value(n, CounterNames.INPUT0, "bytes") : null);
      channel.put("files", List.of(own.value(n, CounterNames.INPUT0, "files")));
      // Druid's totalFiles is what the worker's input slice holds, so the workers' values add up to
      // the input's files. Which worker reads which split is the runner's choice, unknown until the
      // end: the first worker shows them all, so the sum and files/totalFiles still hold.
      long total = input instanceof ExternalInputSpec ? task.totalFiles : ((TableInputSpec) input).segments().size();
      channel.put("totalFiles", List.of(first ? total : 0L));
      worker.put("input0", channel);
    } else if (generation != null) {
      worker.put("input0", channel(generation.getOrDefault("rowsProcessed", 0L), null));
    } else if (input instanceof io.msqbeam.translator.plan.StageInputSpec from
        && upstream.stage(from.stage()).containsKey(CounterNames.OUTPUT)) {
      worker.put("input0", channel(upstream.value(from.stage(), CounterNames.OUTPUT, "rows"), null));
    }
    if (own.stage(n).containsKey(CounterNames.OUTPUT)) {
      worker.put("output", channel(own.value(n, CounterNames.OUTPUT, "rows"), null));
      if (stage.shuffleSpec() != null) {
        // Every output row of a shuffling stage goes through its shuffle.
        worker.put("shuffle", channel(own.value(n, CounterNames.OUTPUT, "rows"), null));
      }
    }
    if (stage.shuffleSpec() != null && task.phase == TaskPhase.SUCCESS) {
      worker.put("sortProgress", completeSort());
    }
    Map<String, Long> warnings = own.stage(n).get(CounterNames.WARNINGS);
    if (warnings != null && !warnings.isEmpty()) {
      Map<String, Object> warningCounter = new LinkedHashMap<>();
      warningCounter.put("type", "warnings");
      warningCounter.putAll(warnings);
      worker.put("warnings", warningCounter);
    }
    if (generation != null) {
      long processed = generation.getOrDefault("rowsProcessed", 0L);
      long pushed = generation.getOrDefault("rowsPushed", 0L);
      Map<String, Object> progress = new LinkedHashMap<>();
      progress.put("type", "segmentGenerationProgress");
      progress.put("rowsProcessed", processed);
      progress.put("rowsPersisted", pushed);
      progress.put("rowsMerged", pushed);
      progress.put("rowsPushed", pushed);
      worker.put("segmentGenerationProgress", progress);
    }
    return worker;
  }

  /** Druid's sortProgress of a finished one-level merge (the console reads progressDigest). */
  private static Map<String, Object> completeSort() {
    Map<String, Object> sort = new LinkedHashMap<>();
    sort.put("type", "sortProgress");
    sort.put("totalMergingLevels", 1);
    sort.put("levelToTotalBatches", Map.of("0", 1));
    sort.put("levelToMergedBatches", Map.of("0", 1));
    sort.put("totalMergersForUltimateLevel", 1);
    sort.put("progressDigest", 1.0);
    return sort;
  }

  private static Map<String, Object> channel(long rows, Long bytes) {
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("type", "channel");
    channel.put("rows", List.of(rows));
    if (bytes != null) {
      channel.put("bytes", List.of(bytes));
    }
    return channel;
  }

  private static Map<String, Object> results(QueryPlan plan, TaskReportDestination destination,
      List<List<Object>> rows) {
    StageDefinition last = plan.finalStage();
    List<Object> signature = new ArrayList<>();
    for (ColumnMapping mapping : destination.columnMappings()) {
      ColumnSignature column = last.signature().get(last.columnIndex(mapping.queryColumn()));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", mapping.outputColumn());
      entry.put("type", column.type().druidName());
      signature.add(entry);
    }
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("signature", signature);
    results.put("sqlTypeNames", destination.sqlTypeNames());
    results.put("results", rows);
    results.put("resultsTruncated", false);
    return results;
  }

  /** Druid's timestamp format: ISO-8601 UTC, always with milliseconds. */
  public static String iso(long millis) {
    return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochMilli(millis));
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
