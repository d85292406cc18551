package io.msqbeam.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.fault.Fault;
import java.util.concurrent.TimeoutException;
import org.apache.flink.runtime.JobException;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.runtime.jobmaster.JobMasterException;
import org.junit.jupiter.api.Test;

class LostTaskManagerTest {
  @Test
  void anUnreachableTaskManagerIsAFailedWorker() {
    Throwable failure = new JobExecutionException(null, "Job execution failed.",
        new JobException("Recovery is suppressed by NoRestartBackoffTimeStrategy",
            new JobMasterException("TaskManager with id 127.0.0.1:33231-56f295 is no longer reachable.")));

    Fault fault = LostTaskManager.fault(failure).orElseThrow();

    assertThat(fault.errorCode()).isEqualTo("WorkerFailed");
    assertThat(fault.errorMessage())
        .isEqualTo("Worker[127.0.0.1:33231-56f295] failed: TaskManager with id 127.0.0.1:33231-56f295 is no longer reachable.");
    assertThat(fault.fields()).containsExactly(java.util.Map.entry("workerTaskId", "127.0.0.1:33231-56f295"),
        java.util.Map.entry("errorMsg", "TaskManager with id 127.0.0.1:33231-56f295 is no longer reachable."));
  }

  @Test
  void aHeartbeatTimeoutIsAFailedWorker() {
    assertThat(LostTaskManager.fault(new TimeoutException("Heartbeat of TaskManager with id 10.0.0.7:4312-ab12cd timed out.")))
        .map(Fault::errorMessage).contains("Worker[10.0.0.7:4312-ab12cd] failed: Heartbeat of TaskManager with id"
            + " 10.0.0.7:4312-ab12cd timed out.");
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(LostTaskManager.fault(new IllegalStateException("Cannot parse row 3"))).isEmpty();
    assertThat(LostTaskManager.fault(new IllegalStateException((String) null))).isEmpty();
  }
}
