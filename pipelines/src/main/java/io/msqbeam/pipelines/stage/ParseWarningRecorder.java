package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.ParseWarning;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Hands the first few tolerated parse errors of a reader to the server: each as a small JSON file in
 * the job's output directory ({@link JobOutputs#parseWarnings}), since Beam counters carry only
 * numbers. A reader instance writes at most {@link ParseWarning#KEPT}, so the files stay few whatever
 * the number of bad rows (at most that many per worker); the server keeps the first of them. A file's
 * name is made from where the row was, so a retried bundle rewrites the same file instead of adding one.
 */
final class ParseWarningRecorder implements Serializable {
  private final String outputDir;
  private transient int recorded;

  /** @param outputDir the job's output directory, or null to record nothing */
  ParseWarningRecorder(String outputDir) {
    this.outputDir = outputDir;
  }

  /** Whether another warning would still be kept; when not, the caller need not work out its row number. */
  boolean wantsMore() {
    return outputDir != null && recorded < ParseWarning.KEPT;
  }

  void record(ParseWarning warning) {
    if (!wantsMore()) {
      return;
    }
    recorded++;
    Path dir = JobOutputs.warningsDir(Path.of(outputDir));
    String name = "stage" + warning.stageNumber() + "-" + UUID.nameUUIDFromBytes(
        (warning.source() + "\n" + warning.rowNumber()).getBytes(StandardCharsets.UTF_8));
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, name, ".tmp");
      JobOutputs.JSON.writeValue(tmp.toFile(), warning);
      Files.move(tmp, dir.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record a parse warning in " + dir, e);
    }
  }
}
