package io.msqbeam.server.task;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.ParseWarning;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.runners.StageCounters;
import io.msqbeam.translator.planner.PlannedStatement;
import java.util.List;

/**
 * The in-memory state of a task this server is running: its plan, its job once submitted, and how
 * it ended. Mutated only by the task's own thread, except {@link #requestShutdown()}.
 */
final class LiveTask {
  final String id;
  final PlannedStatement statement;
  final long createdTime;
  final int totalFiles;
  /** Context {@code failOnEmptyInsert}: an ingestion that writes no rows fails with InsertCannotBeEmpty. */
  volatile boolean failOnEmptyInsert;
  /** Context {@code maxParseExceptions} (after {@code mode}): the job-wide limit of unparseable rows, -1 none. */
  volatile long maxParseExceptions;
  volatile long startTime = -1;
  volatile long endTime = -1;
  volatile RunningJob job;
  /** The runner chosen for this task (context {@code runner} or the server default). */
  volatile io.msqbeam.runners.Runner runner;
  volatile boolean shutdownRequested;
  volatile TaskPhase phase = TaskPhase.PENDING;
  volatile Fault fault;
  volatile String exceptionStackTrace;
  volatile StageCounters finalCounters;
  /** The first tolerated parse errors the job recorded (at most {@link ParseWarning#KEPT}), re-read while it runs. */
  volatile List<ParseWarning> warnings = List.of();
  /** The plan the runner gets: the statement's plan with versions and partitions allocated under the lock. */
  volatile io.msqbeam.translator.plan.QueryPlan runPlan;

  LiveTask(String id, PlannedStatement statement, long createdTime, int totalFiles) {
    this.id = id;
    this.statement = statement;
    this.createdTime = createdTime;
    this.totalFiles = totalFiles;
  }

  StageCounters counters() {
    if (finalCounters != null) {
      return finalCounters;
    }
    RunningJob current = job;
    return current == null ? StageCounters.EMPTY : current.counters();
  }

  void requestShutdown() {
    shutdownRequested = true;
    RunningJob current = job;
    if (current != null) {
      current.cancel();
    }
  }
}
