package io.msqbeam.runners.flink;

import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunnerConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The runner conformance suite on one embedded Flink cluster, started for the class. */
class FlinkEmbeddedRunnerTest extends RunnerConformanceTest {
  private static FlinkEmbeddedRunner runner;

  @BeforeAll
  static void startCluster() {
    runner = new FlinkEmbeddedRunner(FlinkClusterSettings.DEFAULTS);
  }

  @AfterAll
  static void stopCluster() {
    runner.close();
  }

  @Override
  protected Runner runner() {
    return runner;
  }
}
