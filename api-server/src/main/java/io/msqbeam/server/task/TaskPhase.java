package io.msqbeam.server.task;

/** Where a task is in its life; maps to Druid's statusCode / runnerStatusCode pair. */
enum TaskPhase {
  PENDING("RUNNING", "PENDING"),
  RUNNING("RUNNING", "RUNNING"),
  SUCCESS("SUCCESS", "WAITING"),
  FAILED("FAILED", "WAITING");

  final String statusCode;
  final String runnerStatusCode;

  TaskPhase(String statusCode, String runnerStatusCode) {
    this.statusCode = statusCode;
    this.runnerStatusCode = runnerStatusCode;
  }

  boolean isTerminal() {
    return this == SUCCESS || this == FAILED;
  }
}
