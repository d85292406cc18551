package io.msqbeam.server.sql;

import static java.util.Objects.requireNonNull;

import io.msqbeam.runners.RunningJob;

/**
 * One SQL API query from registration to its last result row: its id, its job once submitted, and
 * whether someone cancelled it.
 *
 * <p>It is registered before planning, so a DELETE that arrives before the job exists still counts: the
 * job is then cancelled as soon as it is attached. Thread-safe; the request thread attaches and reads,
 * DELETE handlers cancel.
 */
final class RunningQuery {
  private final String sqlQueryId;
  private RunningJob job;
  private boolean cancelled;

  RunningQuery(String sqlQueryId) {
    this.sqlQueryId = requireNonNull(sqlQueryId, "sqlQueryId is null");
  }

  String sqlQueryId() {
    return sqlQueryId;
  }

  /** Records the submitted job; cancels it at once if the query was cancelled before. */
  void attach(RunningJob submitted) {
    boolean cancelNow;
    synchronized (this) {
      job = requireNonNull(submitted, "submitted is null");
      cancelNow = cancelled;
    }
    if (cancelNow) {
      submitted.cancel();
    }
  }

  /** Marks the query cancelled and cancels its job, if it has one yet. */
  void cancel() {
    RunningJob toCancel;
    synchronized (this) {
      cancelled = true;
      toCancel = job;
    }
    if (toCancel != null) {
      toCancel.cancel();
    }
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }
}
