package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.row.RowCoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts any number of rows in bounded memory: at most {@code maxRowsInMemory} rows are held; each
 * time that many have been added they are sorted and spilled to a run file (rows encoded with the
 * {@link RowCoder}), and {@link #sorted()} merges the runs with what is still in memory. Fewer rows
 * than the bound never touch the disk. Not thread-safe; {@link #close()} deletes the run files.
 */
final class ExternalRowSorter implements Closeable {
  /** Rows held before a spill: about 100 MB of typical ingestion rows. */
  static final int DEFAULT_MAX_ROWS_IN_MEMORY = 200_000;

  private final Comparator<Object[]> ordering;
  private final RowCoder coder;
  private final Path tempDir;
  private final int maxRowsInMemory;
  private final List<Object[]> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private final List<InputStream> openRuns = new ArrayList<>();

  ExternalRowSorter(Comparator<Object[]> ordering, RowCoder coder, Path tempDir, int maxRowsInMemory) {
    if (maxRowsInMemory <= 0) {
      throw new IllegalArgumentException("maxRowsInMemory must be positive: " + maxRowsInMemory);
    }
    this.ordering = ordering;
    this.coder = coder;
    this.tempDir = tempDir;
    this.maxRowsInMemory = maxRowsInMemory;
  }

  void add(Object[] row) {
    buffer.add(row);
    if (buffer.size() >= maxRowsInMemory) {
      spill();
    }
  }

  /** Run files written so far. */
  int spilledRuns() {
    return runs.size();
  }

  /** Every row added, in order; call once. */
  Iterator<Object[]> sorted() {
    buffer.sort(ordering);
    if (runs.isEmpty()) {
      return buffer.iterator();
    }
    List<Iterator<Object[]>> sources = new ArrayList<>();
    for (Path run : runs) {
      sources.add(readRun(run));
    }
    sources.add(buffer.iterator());
    return new MergingIterator(sources, ordering);
  }

  private void spill() {
    buffer.sort(ordering);
    try {
      Files.createDirectories(tempDir);
      Path run = Files.createTempFile(tempDir, "sort-run-", ".rows");
      runs.add(run);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(run), 1 << 16)) {
        for (Object[] row : buffer) {
          coder.encode(row, out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot spill sorted rows under " + tempDir, e);
    }
    buffer.clear();
  }

  private Iterator<Object[]> readRun(Path run) {
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(run), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read sorted run " + run, e);
    }
    openRuns.add(in);
    return new Iterator<>() {
      private Object[] next = read();

      private Object[] read() {
        try {
          // Every encoded row starts with its length, so a row never takes zero bytes: EOF is the end.
          in.mark(1);
          if (in.read() < 0) {
            return null;
          }
          in.reset();
          return coder.decode(in);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read sorted run " + run, e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Object[] next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Object[] row = next;
        next = read();
        return row;
      }
    };
  }

  @Override
  public void close() {
    try {
      for (InputStream in : openRuns) {
        in.close();
      }
      for (Path run : runs) {
        Files.deleteIfExists(run);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete sorted runs under " + tempDir, e);
    }
  }

  /** A k-way merge of sorted iterators. */
  private static final class MergingIterator implements Iterator<Object[]> {
    private record Head(Object[] row, Iterator<Object[]> source) {}

    private final PriorityQueue<Head> heads;

    MergingIterator(List<Iterator<Object[]>> sources, Comparator<Object[]> ordering) {
      this.heads = new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> ordering.compare(a.row, b.row));
      for (Iterator<Object[]> source : sources) {
        if (source.hasNext()) {
          heads.add(new Head(source.next(), source));
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public Object[] next() {
      Head head = heads.poll();
      if (head == null) {
        throw new NoSuchElementException();
      }
      if (head.source.hasNext()) {
        heads.add(new Head(head.source.next(), head.source));
      }
      return head.row;
    }
  }
}
