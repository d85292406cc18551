package io.msqbeam.runners;

import io.msqbeam.pipelines.stage.InProcessLimits;
import org.junit.jupiter.api.AfterAll;

/**
 * The runner conformance suite on the in-process runner with the DirectRunner as its fallback:
 * SELECTs run in-process, ingestion is refused and runs on the DirectRunner.
 */
class InProcessFallbackRunnerTest extends RunnerConformanceTest {
  private static final InProcessRunner IN_PROCESS = new InProcessRunner(2, InProcessLimits.DEFAULT);
  private static final Runner RUNNER = new InProcessFallbackRunner(IN_PROCESS, new DirectJobRunner(true));

  @AfterAll
  static void closeRunner() {
    IN_PROCESS.close();
  }

  @Override
  protected Runner runner() {
    return RUNNER;
  }
}
