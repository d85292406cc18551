package io.msqbeam.pipelines.stage;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * Where a job writes: {@code outputDir} for its results and segment descriptors, {@code workDir} for
 * temporary files, {@code deepStorageDir} for segments. Paths every worker can reach.
 * {@code inputSplitBytes}: uncompressed input files above this size are read in byte ranges of about
 * this size, spread over the workers.
 */
public record PipelineSettings(String outputDir, String workDir, String deepStorageDir, long inputSplitBytes)
    implements Serializable {
  /**
   * Large enough that a split's set-up is noise, small enough that a few splits per worker even out
   * the load of randomly spread splits.
   */
  public static final long DEFAULT_INPUT_SPLIT_BYTES = 32L << 20;

  public PipelineSettings {
    requireNonNull(outputDir, "outputDir is null");
    requireNonNull(workDir, "workDir is null");
    requireNonNull(deepStorageDir, "deepStorageDir is null");
    if (inputSplitBytes < 1) {
      throw new IllegalArgumentException("inputSplitBytes must be positive, got " + inputSplitBytes);
    }
  }

  public PipelineSettings(String outputDir, String workDir, String deepStorageDir) {
    this(outputDir, workDir, deepStorageDir, DEFAULT_INPUT_SPLIT_BYTES);
  }
}
