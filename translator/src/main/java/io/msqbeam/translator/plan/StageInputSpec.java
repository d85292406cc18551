package io.msqbeam.translator.plan;

/** The output of an earlier stage, by stage number. */
public record StageInputSpec(int stage) implements java.io.Serializable, InputSpec {
  public StageInputSpec {
    if (stage < 0) {
      throw new IllegalArgumentException("stage must be >= 0: " + stage);
    }
  }
}
