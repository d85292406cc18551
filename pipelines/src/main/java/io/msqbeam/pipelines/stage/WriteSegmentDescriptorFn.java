package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.segment.WrittenSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.beam.sdk.transforms.DoFn;

/** Records a written segment in the job's output directory (atomically: write, then rename). */
final class WriteSegmentDescriptorFn extends DoFn<WrittenSegment, Void> {
  private final String outputDir;

  WriteSegmentDescriptorFn(String outputDir) {
    this.outputDir = outputDir;
  }

  @ProcessElement
  public void process(@Element WrittenSegment segment) {
    Path dir = JobOutputs.segmentsDir(Path.of(outputDir));
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(segment.segmentId() + ".json.tmp");
      JobOutputs.JSON.writeValue(tmp.toFile(), segment);
      Files.move(tmp, dir.resolve(segment.segmentId() + ".json"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record segment " + segment.segmentId(), e);
    }
  }
}
