package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.counters.StageCounter;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.TableInputSpec.SegmentFile;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;

/** Reads the rows of one published segment ({@link SegmentRows}) and counts them as {@code input0}. */
final class ReadSegmentFn extends DoFn<SegmentFile, Object[]> {
  private final List<ColumnSignature> signature;
  private final String workDir;
  private final Counter rows;
  private final Counter files;
  private transient SegmentRows segmentRows;

  ReadSegmentFn(int stageNumber, List<ColumnSignature> signature, String workDir) {
    this.signature = List.copyOf(signature);
    this.workDir = workDir;
    this.rows = StageCounter.of(stageNumber, CounterNames.INPUT0, "rows");
    this.files = StageCounter.of(stageNumber, CounterNames.INPUT0, "files");
  }

  @Setup
  public void setup() {
    segmentRows = new SegmentRows(signature);
  }

  @ProcessElement
  public void process(@Element SegmentFile segment, OutputReceiver<Object[]> out) {
    segmentRows.read(segment, workDir, row -> {
      out.output(row);
      rows.inc();
    });
    files.inc();
  }
}
