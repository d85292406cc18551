package io.msqbeam.server.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.server.metadata.TaskRecord;
import org.junit.jupiter.api.Test;

class StatementStateTest {
  private static final TaskRecord SUBMITTED =
      TaskRecord.submitted("query-x", "query_controller", "__query_select", "SELECT 1", "{}", 0);

  @Test
  void aQueuedTaskWithoutALocationIsAccepted() {
    assertThat(StatementState.of(SUBMITTED)).isEqualTo(StatementState.ACCEPTED);
  }

  @Test
  void aRunningTaskWithALocationIsRunning() {
    TaskRecord running = SUBMITTED.withStatus("RUNNING", "RUNNING", -1, null).withLocation("localhost", 8888);
    assertThat(StatementState.of(running)).isEqualTo(StatementState.RUNNING);
  }

  @Test
  void finishedTasksKeepTheirStatus() {
    assertThat(StatementState.of(SUBMITTED.withStatus("SUCCESS", "WAITING", 5, null))).isEqualTo(StatementState.SUCCESS);
    assertThat(StatementState.of(SUBMITTED.withStatus("FAILED", "WAITING", -1, "Shutdown request from user")))
        .isEqualTo(StatementState.FAILED);
  }
}
