package io.msqbeam.pipelines.stage;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the final rows of a SELECT, in the final stage's order, keeping only the output columns
 * (by position), as one JSON array per line ({@link ResultsFile}).
 */
final class WriteResultsFn extends DoFn<KV<Integer, Iterable<Object[]>>, Void> {
  private final RowOrdering ordering;
  private final int[] outputPositions;
  private final String outputDir;

  WriteResultsFn(RowOrdering ordering, int[] outputPositions, String outputDir) {
    this.ordering = ordering;
    this.outputPositions = outputPositions.clone();
    this.outputDir = outputDir;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Object[]>> partition) {
    List<Object[]> rows = new ArrayList<>();
    partition.getValue().forEach(rows::add);
    if (ordering != null) {
      rows.sort(ordering);
    }
    try (ResultsFile file = ResultsFile.create(outputDir, outputPositions)) {
      rows.forEach(file::write);
      file.commit();
    }
  }
}
