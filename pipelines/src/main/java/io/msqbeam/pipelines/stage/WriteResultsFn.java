package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.row.RowCoder;
import java.nio.file.Path;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the final rows of a SELECT, in the final stage's order, keeping only the output columns
 * (by position), as one JSON array per line ({@link ResultsFile}). Unordered rows are written as they
 * come; ordered ones go through an {@link ExternalRowSorter}, so no result is held whole in memory.
 */
final class WriteResultsFn extends DoFn<KV<Integer, Iterable<Object[]>>, Void> {
  private final RowOrdering ordering;
  private final int[] outputPositions;
  private final String outputDir;

  private final RowCoder coder;
  private final String tempDir;

  WriteResultsFn(RowOrdering ordering, int[] outputPositions, String outputDir, RowCoder coder, String tempDir) {
    this.coder = coder;
    this.tempDir = tempDir;
    this.ordering = ordering;
    this.outputPositions = outputPositions.clone();
    this.outputDir = outputDir;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Object[]>> partition) {
    try (ResultsFile file = ResultsFile.create(outputDir, outputPositions)) {
      if (ordering == null) {
        partition.getValue().forEach(file::write);
      } else {
        try (ExternalRowSorter sorter = new ExternalRowSorter(ordering, coder, Path.of(tempDir),
            ExternalRowSorter.DEFAULT_MAX_ROWS_IN_MEMORY)) {
          partition.getValue().forEach(sorter::add);
          sorter.sorted().forEachRemaining(file::write);
        }
      }
      file.commit();
    }
  }
}
