package io.msqbeam.server.statement;

import io.msqbeam.server.metadata.TaskRecord;

/**
 * Druid's {@code SqlStatementState}, read off a task's status as Druid's {@code SqlStatementResourceHelper}
 * does: a RUNNING task without a location yet (queued for a slot or a lock) is ACCEPTED.
 */
enum StatementState {
  ACCEPTED,
  RUNNING,
  SUCCESS,
  FAILED;

  static StatementState of(TaskRecord record) {
    return switch (record.statusCode()) {
      case "SUCCESS" -> SUCCESS;
      case "FAILED" -> FAILED;
      default -> record.locationHost() == null ? ACCEPTED : RUNNING;
    };
  }

  boolean isTerminal() {
    return this == SUCCESS || this == FAILED;
  }
}
