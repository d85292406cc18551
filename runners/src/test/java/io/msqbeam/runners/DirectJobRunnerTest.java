package io.msqbeam.runners;

/** The runner conformance suite on Beam's DirectRunner, with its immutability and encodability checks on. */
class DirectJobRunnerTest extends RunnerConformanceTest {
  private static final DirectJobRunner RUNNER = new DirectJobRunner(true);

  @Override
  protected Runner runner() {
    return RUNNER;
  }
}
