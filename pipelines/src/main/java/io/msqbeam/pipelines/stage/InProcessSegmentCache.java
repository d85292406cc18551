package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.segment.SegmentReader;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps segments open between in-process queries. Opening one (unzip, then Druid's index load) costs
 * about 40–60 ms for the wikiticker day — more than the query — and published segments never change
 * under a path, so an opened segment serves the next query as is.
 *
 * <p>A reader is lent to one query at a time ({@link #borrow}, {@link #giveBack}); concurrent queries
 * on one segment open another copy. At most {@code maxIdle} readers stay open while idle, the least
 * recently used closed first. Unpacked files live under the cache's own directory, not a query's
 * work directory, which the server deletes after each query.
 */
public final class InProcessSegmentCache implements AutoCloseable {
  private final File dir;
  private final int maxIdle;
  /** Idle readers by segment path, least recently used first. */
  private final LinkedHashMap<String, Deque<SegmentReader>> idle = new LinkedHashMap<>(16, 0.75f, true);
  private int idleCount;
  private boolean closed;

  public InProcessSegmentCache(Path dir, int maxIdle) {
    if (maxIdle < 0) {
      throw new IllegalArgumentException("maxIdle must be >= 0");
    }
    this.dir = dir.toFile();
    this.maxIdle = maxIdle;
  }

  /** An open reader of the segment at {@code path}, for the caller alone until it is given back. */
  SegmentReader borrow(String path) {
    synchronized (this) {
      Deque<SegmentReader> readers = idle.get(path);
      if (readers != null && !readers.isEmpty()) {
        idleCount--;
        return readers.pop();
      }
    }
    return SegmentReader.open(new File(path), dir);
  }

  /** Returns a borrowed reader; it stays open for the next query unless the cache is full or closed. */
  void giveBack(String path, SegmentReader reader) {
    synchronized (this) {
      if (!closed && maxIdle > 0) {
        idle.computeIfAbsent(path, p -> new ArrayDeque<>()).push(reader);
        idleCount++;
        reader = idleCount > maxIdle ? evictEldest() : null;
      }
    }
    if (reader != null) {
      reader.close();
    }
  }

  private SegmentReader evictEldest() {
    Iterator<Map.Entry<String, Deque<SegmentReader>>> eldest = idle.entrySet().iterator();
    Map.Entry<String, Deque<SegmentReader>> entry = eldest.next();
    SegmentReader evicted = entry.getValue().pollLast();
    if (entry.getValue().isEmpty()) {
      eldest.remove();
    }
    idleCount--;
    return evicted;
  }

  /** Closes the idle readers; readers given back later are closed then. */
  @Override
  public void close() {
    Deque<SegmentReader> toClose = new ArrayDeque<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(toClose::addAll);
      idle.clear();
      idleCount = 0;
    }
    toClose.forEach(SegmentReader::close);
  }
}
