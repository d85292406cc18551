package io.msqbeam.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference every ingestion figure is divided by (DESIGN.md §5): one thread reads the NDJSON
 * file, parses each line with Jackson's {@code readTree} and counts rows per channel. It is the
 * cost of merely looking at every row once, measured on the same file in the same run.
 */
final class JacksonReference {
  private JacksonReference() {}

  /** Wall and CPU time of one parse. */
  record Timing(long nanos, long cpuNanos) {}

  /** Parses {@code file} once and returns the elapsed nanoseconds; checks the row count it saw. */
  static long parseNanos(Path file, long expectedRows) throws IOException {
    return parse(file, expectedRows).nanos();
  }

  /** Parses {@code file} once and returns the elapsed wall and CPU time; checks the row count it saw. */
  static Timing parse(Path file, long expectedRows) throws IOException {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Long> perChannel = new HashMap<>();
    long rows = 0;
    long start = System.nanoTime();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode row = mapper.readTree(line);
        perChannel.merge(row.path("channel").asText(), 1L, Long::sum);
        rows++;
      }
    }
    long elapsed = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    if (rows != expectedRows || perChannel.isEmpty()) {
      throw new IllegalStateException("reference parse saw " + rows + " rows, expected " + expectedRows);
    }
    return new Timing(elapsed, cpu);
  }
}
