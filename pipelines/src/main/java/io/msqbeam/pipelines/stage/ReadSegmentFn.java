package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.TableInputSpec.SegmentFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/** Reads the rows of one published segment (the columns of the table signature) and counts them as {@code input0}. */
final class ReadSegmentFn extends DoFn<SegmentFile, Object[]> {
  private final List<ColumnSignature> signature;
  private final String workDir;
  private final Counter rows;
  private final Counter files;

  ReadSegmentFn(int stageNumber, List<ColumnSignature> signature, String workDir) {
    this.signature = List.copyOf(signature);
    this.workDir = workDir;
    this.rows = Metrics.counter(CounterNames.namespace(stageNumber), CounterNames.name(CounterNames.INPUT0, "rows"));
    this.files = Metrics.counter(CounterNames.namespace(stageNumber), CounterNames.name(CounterNames.INPUT0, "files"));
  }

  /** Rows of a partly overshadowed segment are read only where no newer version covers them. */
  private static boolean isVisible(long time, long[][] visible) {
    for (long[] interval : visible) {
      if (interval[0] <= time && time < interval[1]) {
        return true;
      }
    }
    return false;
  }

  @ProcessElement
  public void process(@Element SegmentFile segment, OutputReceiver<Object[]> out) {
    List<String> columns = signature.stream().map(ColumnSignature::name).toList();
    try {
      File dir = Files.createDirectories(new File(workDir).toPath()).toFile();
      try (SegmentReader reader = SegmentReader.open(new File(segment.path()), dir)) {
        List<String> present = reader.columnNames();
        List<String> readable = columns.stream().filter(present::contains).toList();
        int[] positions = readable.stream().mapToInt(columns::indexOf).toArray();
        long[][] visible = segment.visibleIntervals().stream().map(org.joda.time.Interval::parse)
            .map(i -> new long[] {i.getStartMillis(), i.getEndMillis()}).toArray(long[][]::new);
        int timeIndex = readable.indexOf("__time");
        reader.scan(readable, values -> {
          if (visible.length > 0 && timeIndex >= 0 && !isVisible(((Number) values[timeIndex]).longValue(), visible)) {
            return;
          }
          Object[] row = new Object[columns.size()];
          for (int i = 0; i < positions.length; i++) {
            row[positions[i]] = values[i];
          }
          out.output(row);
          rows.inc();
        });
      }
      files.inc();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read segment " + segment.segmentId(), e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read segment " + segment.segmentId(), e);
    }
  }
}
