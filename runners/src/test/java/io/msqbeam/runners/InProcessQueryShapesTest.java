package io.msqbeam.runners;

import io.msqbeam.pipelines.stage.InProcessLimits;
import org.junit.jupiter.api.AfterAll;

/**
 * The query-shapes suite in-process. The runner has no fallback, so a plan the in-process executor
 * refuses fails here instead of quietly running elsewhere.
 */
class InProcessQueryShapesTest extends QueryShapesConformanceTest {
  private static final InProcessRunner RUNNER = new InProcessRunner(2, InProcessLimits.DEFAULT);

  @AfterAll
  static void closeRunner() {
    RUNNER.close();
  }

  @Override
  protected Runner runner() {
    return RUNNER;
  }
}
