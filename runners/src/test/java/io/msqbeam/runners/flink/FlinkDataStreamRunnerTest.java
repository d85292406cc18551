package io.msqbeam.runners.flink;

import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunnerConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runner conformance suite on Beam's DataStream batch translation ({@code useDataStreamForBatch}),
 * the path that survives Flink 2's removal of the DataSet API.
 */
class FlinkDataStreamRunnerTest extends RunnerConformanceTest {
  private static FlinkEmbeddedRunner runner;

  @BeforeAll
  static void startCluster() {
    runner = new FlinkEmbeddedRunner(FlinkClusterSettings.DEFAULTS.withUseDataStreamForBatch(true));
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
