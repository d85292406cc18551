package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.input.InputSplit;
import io.msqbeam.pipelines.input.JsonRowParser;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.InputSource;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Reads one input split of newline-delimited JSON (gzip detected by the {@code .gz} suffix, as Druid
 * does) line by line, never holding a whole file, and counts Druid's {@code input0} counters:
 * rows, uncompressed bytes and files.
 */
final class ReadExternalFn extends DoFn<InputSplit, Object[]> {
  private final List<ColumnSignature> signature;
  private final String inputSourceDescription;
  private final Counter rows;
  private final Counter bytes;
  private final Counter files;
  private transient JsonRowParser parser;

  ReadExternalFn(int stageNumber, List<ColumnSignature> signature, InputSource source) {
    this.signature = List.copyOf(signature);
    this.inputSourceDescription = source.toString();
    String namespace = CounterNames.namespace(stageNumber);
    this.rows = Metrics.counter(namespace, CounterNames.name(CounterNames.INPUT0, "rows"));
    this.bytes = Metrics.counter(namespace, CounterNames.name(CounterNames.INPUT0, "bytes"));
    this.files = Metrics.counter(namespace, CounterNames.name(CounterNames.INPUT0, "files"));
  }

  @Setup
  public void setup() {
    parser = new JsonRowParser(signature);
  }

  @ProcessElement
  public void process(@Element InputSplit split, OutputReceiver<Object[]> out) {
    try (InputStream in = open(split)) {
      LineBuffer line = new LineBuffer();
      long rowNumber = 0;
      long byteCount = 0;
      while (line.readFrom(in)) {
        byteCount += line.length + 1;
        if (line.isBlank()) {
          continue;
        }
        rowNumber++;
        try {
          out.output(parser.parse(line.bytes, 0, line.length));
        } catch (JsonRowParser.RowParseException e) {
          throw new FaultException(Fault.cannotParseExternalData(
              "Error while trying to read the external data source at inputSource [" + split.describe()
                  + "], rowNumber [" + rowNumber + "], columnName [" + e.column() + "]"));
        }
        rows.inc();
        if (rowNumber % 4096 == 0) {
          bytes.inc(byteCount);
          byteCount = 0;
        }
      }
      bytes.inc(byteCount);
      files.inc();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + split.describe(), e);
    }
  }

  private static InputStream open(InputSplit split) throws IOException {
    if (split.inlineData() != null) {
      return new ByteArrayInputStream(split.inlineData().getBytes(StandardCharsets.UTF_8));
    }
    InputStream raw = new BufferedInputStream(new FileInputStream(split.path()), 1 << 16);
    return split.path().endsWith(".gz") ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
  }

  /** A reusable buffer holding one line without its line terminator. */
  private static final class LineBuffer {
    private byte[] bytes = new byte[8192];
    private int length;

    boolean readFrom(InputStream in) throws IOException {
      length = 0;
      int b = in.read();
      if (b < 0) {
        return false;
      }
      while (b >= 0 && b != '\n') {
        if (length == bytes.length) {
          bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = (byte) b;
        b = in.read();
      }
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
      }
      return true;
    }

    boolean isBlank() {
      for (int i = 0; i < length; i++) {
        if (!Character.isWhitespace(bytes[i])) {
          return false;
        }
      }
      return true;
    }
  }
}
