package io.msqbeam.pipelines.counters;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of a stage's workers the calling thread works for. Beam does not tell a DoFn which parallel
 * instance it is, but Flink names every task thread after its subtask, as
 * {@code "<task name> (<subtask + 1>/<parallelism>)#<attempt>"} (its {@code TaskInfo}'s
 * {@code taskNameWithSubtasks}); operators chained into a task run on that thread. Threads of the
 * DirectRunner and of the in-process executor are not named so: there is one worker, worker 0.
 */
public final class WorkerNumber {
  private static final Pattern FLINK_SUBTASK = Pattern.compile("\\((\\d+)/(\\d+)\\)(?:#\\d+)?$");

  private WorkerNumber() {}

  /** The worker number of the calling thread. */
  public static int current() {
    return of(Thread.currentThread().getName());
  }

  /** The worker number a thread of this name works for. */
  static int of(String threadName) {
    Matcher matcher = FLINK_SUBTASK.matcher(threadName);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) - 1 : 0;
  }
}
