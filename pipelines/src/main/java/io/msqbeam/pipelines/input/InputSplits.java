package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.HttpInputSource;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.InputFormat;
import io.msqbeam.translator.plan.InputSource;
import io.msqbeam.translator.plan.LocalInputSource;
import io.msqbeam.translator.plan.ParquetInputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the splits of an input source at planning time, as Druid's input sources do: local files
 * sorted by path with empty files skipped, one split per http URI, one for inline data. For
 * reading, {@link #forReading} also cuts large uncompressed files into byte ranges, so that one big
 * file is parsed by every worker instead of one.
 */
public final class InputSplits {
  private InputSplits() {}

  public static List<InputSplit> of(InputSource source) {
    if (source instanceof InlineInputSource inline) {
      return List.of(InputSplit.inline(inline.data()));
    }
    if (source instanceof HttpInputSource http) {
      return http.uris().stream().map(uri -> InputSplit.http(uri, http)).toList();
    }
    return localFiles((LocalInputSource) source);
  }

  /**
   * The splits workers read: those of {@link #of}, with each uncompressed local file of a line-based
   * format larger than {@code maxSplitBytes} cut into ranges of about that size (compressed streams
   * cannot be entered in the middle, nor Parquet files between their row groups here, so they stay
   * whole).
   */
  public static List<InputSplit> forReading(InputSource source, InputFormat format, long maxSplitBytes) {
    if (maxSplitBytes <= 0) {
      throw new IllegalArgumentException("maxSplitBytes must be positive: " + maxSplitBytes);
    }
    List<InputSplit> splits = new ArrayList<>();
    for (InputSplit split : of(source)) {
      if (split instanceof InputSplit.FileSplit file && !(format instanceof ParquetInputFormat)
          && Compression.forName(file.path()) == Compression.NONE) {
        splits.addAll(ranges(file.path(), maxSplitBytes));
      } else {
        splits.add(split);
      }
    }
    return splits;
  }

  private static List<InputSplit> ranges(String path, long maxSplitBytes) {
    long size;
    try {
      size = Files.size(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read input file [" + path + "]", e);
    }
    if (size <= maxSplitBytes) {
      return List.of(InputSplit.file(path));
    }
    // Equal ranges: ceil(size / max) of them, so none is much smaller than the others.
    long count = (size + maxSplitBytes - 1) / maxSplitBytes;
    List<InputSplit> ranges = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      long start = size * i / count;
      long end = size * (i + 1) / count;
      ranges.add(InputSplit.fileRange(path, start, end - start));
    }
    return ranges;
  }

  private static List<InputSplit> localFiles(LocalInputSource local) {
    List<String> paths = new ArrayList<>();
    if (local.baseDir() != null) {
      Path baseDir = Path.of(local.baseDir());
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + (local.filter() == null ? "*" : local.filter()));
      try (Stream<Path> files = Files.walk(baseDir)) {
        files.filter(Files::isRegularFile)
            .filter(p -> matcher.matches(p.getFileName()))
            .map(Path::toString)
            .sorted()
            .forEach(paths::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list files under baseDir [" + baseDir + "]", e);
      }
    }
    if (local.files() != null) {
      for (String file : local.files()) {
        Path path = local.baseDir() == null ? Path.of(file) : Path.of(local.baseDir()).resolve(file);
        paths.add(path.toString());
      }
    }
    List<InputSplit> splits = new ArrayList<>();
    for (String path : paths) {
      try {
        if (Files.size(Path.of(path)) > 0) {
          splits.add(InputSplit.file(path));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read input file [" + path + "]", e);
      }
    }
    return splits;
  }
}
