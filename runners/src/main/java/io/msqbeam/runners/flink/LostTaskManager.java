package io.msqbeam.runners.flink;

import com.google.common.collect.ImmutableMap;
import io.msqbeam.pipelines.fault.Fault;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a Flink job that failed because a TaskManager went away (crashed, killed, cut off), and
 * names it as Druid names a worker that died: the {@code WorkerFailed} fault, {@code Worker[%s] failed:
 * %s}, with the TaskManager's id as the worker. Flink says so only in its messages, from the JobMaster
 * ({@code TaskManager with id … is no longer reachable.}) or the heartbeat monitor ({@code Heartbeat of
 * TaskManager with id … timed out.}), so these are matched.
 */
final class LostTaskManager {
  private static final Pattern LOST = Pattern.compile(
      "(?:Heartbeat of )?TaskManager with id (\\S+?)(?: is no longer reachable| timed out|\\s*$| has been)");

  private LostTaskManager() {}

  /** The {@code WorkerFailed} fault for {@code failure} if a lost TaskManager caused it. */
  static Optional<Fault> fault(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      Matcher matcher = message == null ? null : LOST.matcher(message);
      if (matcher != null && matcher.find()) {
        String worker = matcher.group(1);
        return Optional.of(new Fault("WorkerFailed", "Worker[" + worker + "] failed: " + message,
            ImmutableMap.of("workerTaskId", worker, "errorMsg", message)));
      }
    }
    return Optional.empty();
  }
}
