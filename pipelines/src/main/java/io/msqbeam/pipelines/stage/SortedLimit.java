package io.msqbeam.pipelines.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Collects rows and hands them back in order, with an offset and a limit applied. With a limit only
 * {@code offset + limit} rows are ever held (a bounded heap); without one every row is held and
 * sorted at the end. Shared by the Beam limit stage and the in-process one. Not thread-safe.
 */
final class SortedLimit {
  private final RowOrdering ordering;
  private final long offset;
  private final Long limit;
  private final PriorityQueue<Object[]> heap;
  private final List<Object[]> all;

  SortedLimit(RowOrdering ordering, Long offset, Long limit) {
    this.ordering = ordering;
    this.offset = offset == null ? 0 : offset;
    this.limit = limit;
    this.heap = limit == null ? null : new PriorityQueue<>(ordering.reversed());
    this.all = limit == null ? new ArrayList<>() : null;
  }

  void add(Object[] row) {
    if (heap == null) {
      all.add(row);
      return;
    }
    heap.add(row);
    if (heap.size() > offset + limit) {
      heap.poll();
    }
  }

  /** Rows held now. */
  int buffered() {
    return heap == null ? all.size() : heap.size();
  }

  /**
   * Whether later rows can no longer change the answer: a limit without a sort key is satisfied by
   * any {@code offset + limit} rows.
   */
  boolean isSatisfied() {
    return heap != null && !ordering.hasKey() && heap.size() >= offset + limit;
  }

  /** The rows in order, from {@code offset}, at most {@code limit} of them. */
  List<Object[]> rows() {
    List<Object[]> sorted = heap == null ? all : new ArrayList<>(heap);
    sorted.sort(ordering);
    long end = limit == null ? sorted.size() : Math.min(sorted.size(), offset + limit);
    return offset >= end ? List.of() : sorted.subList((int) offset, (int) end);
  }
}
