package io.msqbeam.pipelines.stage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes the final rows of a SELECT to {@link JobOutputs#resultsFile}, keeping only the output
 * columns (by position), as one JSON array per line. Rows go to a temporary file that {@link #commit}
 * moves into place atomically, so the server never reads half a result. Not thread-safe.
 */
final class ResultsFile implements AutoCloseable {
  private final int[] outputPositions;
  private final Path file;
  private final Path tmp;
  private final BufferedWriter writer;
  private boolean committed;

  private ResultsFile(int[] outputPositions, Path file, Path tmp, BufferedWriter writer) {
    this.outputPositions = outputPositions;
    this.file = file;
    this.tmp = tmp;
    this.writer = writer;
  }

  static ResultsFile create(String outputDir, int[] outputPositions) {
    Path file = JobOutputs.resultsFile(Path.of(outputDir));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      return new ResultsFile(outputPositions.clone(), file, tmp, Files.newBufferedWriter(tmp));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write results to " + file, e);
    }
  }

  void write(Object[] row) {
    Object[] out = new Object[outputPositions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = row[outputPositions[i]];
    }
    try {
      writer.write(JobOutputs.JSON.writeValueAsString(Arrays.asList(out)));
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write results to " + file, e);
    }
  }

  /** Publishes the rows written so far as the job's results. */
  void commit() {
    try {
      writer.close();
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      committed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write results to " + file, e);
    }
  }

  /** Drops the temporary file of results that were never committed. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      writer.close();
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete partial results " + tmp, e);
    }
  }
}
