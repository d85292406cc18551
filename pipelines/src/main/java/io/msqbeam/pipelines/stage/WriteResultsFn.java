package io.msqbeam.pipelines.stage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes the final rows of a SELECT, in the final stage's order, keeping only the output columns
 * (by position), as one JSON array per line.
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
    Path file = JobOutputs.resultsFile(Path.of(outputDir));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (BufferedWriter writer = Files.newBufferedWriter(tmp)) {
        for (Object[] row : rows) {
          Object[] out = new Object[outputPositions.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = row[outputPositions[i]];
          }
          writer.write(JobOutputs.JSON.writeValueAsString(Arrays.asList(out)));
          writer.write('\n');
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write results to " + file, e);
    }
  }
}
