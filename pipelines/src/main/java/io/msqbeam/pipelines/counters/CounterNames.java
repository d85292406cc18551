package io.msqbeam.pipelines.counters;

/**
 * Names of the Beam metrics through which stages report Druid counters: namespace
 * {@code stage<N>}, name {@code <counter>.<field>} (e.g. {@code input0.rows}). Runners turn them back
 * into Druid counter snapshots.
 */
public final class CounterNames {
  public static final String INPUT0 = "input0";
  public static final String OUTPUT = "output";
  public static final String SEGMENT_GENERATION = "segmentGenerationProgress";
  /** Warnings by fault code, e.g. {@code warnings.CannotParseExternalData}. */
  public static final String WARNINGS = "warnings";

  private CounterNames() {}

  public static String namespace(int stageNumber) {
    return "stage" + stageNumber;
  }

  public static String name(String counter, String field) {
    return counter + "." + field;
  }
}
