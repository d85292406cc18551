package io.msqbeam.pipelines.stage;

/**
 * The in-process executor will not (or can no longer) run a plan: its shape is not one it runs
 * (ingestion, several inputs), or it outgrew {@link InProcessLimits} while running. Nothing has been
 * published when it is thrown, so the caller may run the same plan on a pipeline runner.
 */
public final class InProcessRefusalException extends RuntimeException {
  private InProcessRefusalException(String message) {
    super(message);
  }

  static InProcessRefusalException unsupported(String why) {
    return new InProcessRefusalException("The in-process executor does not run this plan: " + why);
  }

  static InProcessRefusalException limitExceeded(int stageNumber, String what, int limit) {
    return new InProcessRefusalException(String.format(
        "Stage %d exceeded the in-process limit of %,d %s; run the query on a pipeline runner", stageNumber, limit,
        what));
  }
}
