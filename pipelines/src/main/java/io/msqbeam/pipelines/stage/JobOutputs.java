package io.msqbeam.pipelines.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.msqbeam.pipelines.fault.ParseWarning;
import io.msqbeam.pipelines.segment.WrittenSegment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files a job leaves in its output directory for the server: one JSON descriptor per written
 * segment ({@code segments/}), and SELECT results as JSON arrays, one row per line
 * ({@code results.jsonl}), and the first few tolerated parse errors ({@code warnings/}, one JSON file
 * each). Written by the pipeline, read by the server after the job ended.
 */
public final class JobOutputs {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private JobOutputs() {}

  static Path segmentsDir(Path outputDir) {
    return outputDir.resolve("segments");
  }

  static Path warningsDir(Path outputDir) {
    return outputDir.resolve("warnings");
  }

  /**
   * The parse warnings the job's readers recorded, the first {@link ParseWarning#KEPT} in
   * {@link ParseWarning#ORDER}: each reader instance records a few, so there may be a few more files.
   */
  public static List<ParseWarning> parseWarnings(Path outputDir) {
    Path dir = warningsDir(outputDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    TreeSet<ParseWarning> first = new TreeSet<>(ParseWarning.ORDER);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator) {
        first.add(JSON.readValue(file.toFile(), ParseWarning.class));
        if (first.size() > ParseWarning.KEPT) {
          first.pollLast();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read parse warnings in " + dir, e);
    }
    return List.copyOf(first);
  }

  public static Path resultsFile(Path outputDir) {
    return outputDir.resolve("results.jsonl");
  }

  /** The segments a succeeded job wrote, sorted by id. */
  public static List<WrittenSegment> writtenSegments(Path outputDir) {
    Path dir = segmentsDir(outputDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<WrittenSegment> segments = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        segments.add(JSON.readValue(file.toFile(), WrittenSegment.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read segment descriptors in " + dir, e);
    }
    return segments;
  }

  /** The first result row of a succeeded SELECT job, if it has one, read without the rest. */
  public static java.util.Optional<List<Object>> firstResult(Path outputDir) {
    Path file = resultsFile(outputDir);
    if (!Files.exists(file)) {
      return java.util.Optional.empty();
    }
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String line = reader.readLine();
      return line == null ? java.util.Optional.empty() : java.util.Optional.of(
          JSON.readValue(line, JSON.getTypeFactory().constructCollectionType(List.class, Object.class)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read results in " + file, e);
    }
  }

  /** Streams the result rows of a succeeded SELECT job to {@code consumer}, in order. */
  public static void readResults(Path outputDir, java.util.function.Consumer<List<Object>> consumer) {
    Path file = resultsFile(outputDir);
    if (!Files.exists(file)) {
      return;
    }
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String line;
      while ((line = reader.readLine()) != null) {
        consumer.accept(JSON.readValue(line, JSON.getTypeFactory().constructCollectionType(List.class, Object.class)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read results in " + file, e);
    }
  }
}
