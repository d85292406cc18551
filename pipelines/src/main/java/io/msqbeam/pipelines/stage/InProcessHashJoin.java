package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.FaultException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A join run in-process, for broadcast and sort-merge joins alike: the right rows are held in a hash
 * map by key ({@link #right()}, read first), then the left rows stream through {@link #left()} and
 * meet their matches ({@link JoinRows}). Unmatched rows are kept as the join type says; the right
 * ones come out after the last left row. The held rows are bounded twice: by Druid's broadcast bound
 * when the right side is a broadcast input (a fault, as on every runner), and by
 * {@link InProcessLimits#maxBufferedRows()} (a refusal, so the query moves to a pipeline runner).
 */
final class InProcessHashJoin {
  private final int stageNumber;
  private final JoinRows rows;
  private final long maxBroadcastBytes;
  private final int maxBufferedRows;
  private final InProcessRowSink downstream;
  private final Map<List<Object>, List<Held>> byKey = new HashMap<>();
  private final List<Held> held = new ArrayList<>();
  private long heldBytes;

  /** One right row and whether a left row matched it. */
  private static final class Held {
    final Object[] row;
    boolean matched;

    Held(Object[] row) {
      this.row = row;
    }
  }

  /** @param maxBroadcastBytes Druid's bound on a broadcast right side, or -1 for a sort-merge join */
  InProcessHashJoin(int stageNumber, JoinRows rows, long maxBroadcastBytes, InProcessLimits limits,
      InProcessRowSink downstream) {
    this.stageNumber = stageNumber;
    this.rows = rows;
    this.maxBroadcastBytes = maxBroadcastBytes;
    this.maxBufferedRows = limits.maxBufferedRows();
    this.downstream = downstream;
  }

  /** Where the right rows go; they must all arrive before the first left row. */
  InProcessRowSink right() {
    return new InProcessRowSink() {
      @Override
      public void accept(Object[] row) {
        Held entry = new Held(row);
        held.add(entry);
        if (maxBroadcastBytes >= 0) {
          heldBytes += FrameRowLimit.size(row);
          if (heldBytes > maxBroadcastBytes) {
            throw new FaultException(JoinFaults.broadcastTablesTooLarge(maxBroadcastBytes));
          }
        }
        if (held.size() > maxBufferedRows) {
          throw InProcessRefusalException.limitExceeded(stageNumber, "join rows held", maxBufferedRows);
        }
        Object[] key = rows.rightKey(row);
        if (key != null) {
          byKey.computeIfAbsent(JoinRows.asList(key), k -> new ArrayList<>(1)).add(entry);
        }
      }

      @Override
      public void finish() {
        // The left rows come next; the stage finishes with them.
      }
    };
  }

  /** Where the left rows go, streamed to {@code downstream} joined. */
  InProcessRowSink left() {
    return new InProcessRowSink() {
      @Override
      public void accept(Object[] row) {
        Object[] key = rows.leftKey(row);
        boolean matched = false;
        for (Held candidate : key == null ? List.<Held>of() : byKey.getOrDefault(JoinRows.asList(key), List.of())) {
          Object[] joined = rows.joined(row, candidate.row);
          if (rows.accepts(joined)) {
            matched = true;
            candidate.matched = true;
            downstream.accept(joined);
          }
        }
        if (!matched && rows.joinType().keepsUnmatchedLeft()) {
          downstream.accept(rows.joined(row, null));
        }
      }

      @Override
      public void finish() {
        if (rows.joinType().keepsUnmatchedRight()) {
          for (Held entry : held) {
            if (!entry.matched) {
              downstream.accept(rows.joined(null, entry.row));
            }
          }
        }
        byKey.clear();
        held.clear();
        downstream.finish();
      }

      @Override
      public boolean isSatisfied() {
        return !rows.joinType().keepsUnmatchedRight() && downstream.isSatisfied();
      }
    };
  }
}
