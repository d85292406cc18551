package io.msqbeam.pipelines.stage;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * Where a job writes: {@code outputDir} for its results and segment descriptors, {@code workDir} for
 * temporary files, {@code deepStorageDir} for segments. Paths every worker can reach.
 */
public record PipelineSettings(String outputDir, String workDir, String deepStorageDir) implements Serializable {
  public PipelineSettings {
    requireNonNull(outputDir, "outputDir is null");
    requireNonNull(workDir, "workDir is null");
    requireNonNull(deepStorageDir, "deepStorageDir is null");
  }
}
