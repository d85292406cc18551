package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import io.msqbeam.pipelines.counters.StageCounter;
import io.msqbeam.pipelines.fault.FaultException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The sort-merge join of one key's rows, after both sides were shuffled by key: the right rows of the
 * key are buffered (bounded by Druid's per-key limit, {@code TooManyRowsWithSameKey} past it), the
 * left rows stream past them. Neither side is ever held whole.
 */
final class SortMergeJoinFn extends DoFn<KV<Object[], CoGbkResult>, Object[]> {
  private final JoinSpec spec;
  private final TupleTag<Object[]> leftTag;
  private final TupleTag<Object[]> rightTag;
  private final Counter outputRows;
  private transient JoinRows rows;

  SortMergeJoinFn(int stageNumber, JoinSpec spec, TupleTag<Object[]> leftTag, TupleTag<Object[]> rightTag) {
    this.spec = spec;
    this.leftTag = leftTag;
    this.rightTag = rightTag;
    this.outputRows = StageCounter.of(stageNumber, CounterNames.OUTPUT, "rows");
  }

  @Setup
  public void setup() {
    rows = spec.rows();
  }

  @ProcessElement
  public void process(@Element KV<Object[], CoGbkResult> group, OutputReceiver<Object[]> out) {
    Object[] key = group.getKey();
    boolean canMatch = rows.rightKey(key(key)) != null;
    List<Object[]> right = new ArrayList<>();
    long bytes = 0;
    for (Object[] row : group.getValue().getAll(rightTag)) {
      bytes += FrameRowLimit.size(row);
      if (canMatch && bytes > JoinFaults.MAX_BUFFERED_BYTES_PER_KEY) {
        throw new FaultException(JoinFaults.tooManyRowsWithSameKey(key, bytes, JoinFaults.MAX_BUFFERED_BYTES_PER_KEY));
      }
      if (canMatch || rows.joinType().keepsUnmatchedRight()) {
        right.add(row);
      }
    }
    boolean[] matched = new boolean[right.size()];
    for (Object[] left : group.getValue().getAll(leftTag)) {
      boolean leftMatched = false;
      for (int i = 0; canMatch && i < right.size(); i++) {
        Object[] joined = rows.joined(left, right.get(i));
        if (rows.accepts(joined)) {
          leftMatched = true;
          matched[i] = true;
          emit(joined, out);
        }
      }
      if (!leftMatched && rows.joinType().keepsUnmatchedLeft()) {
        emit(rows.joined(left, null), out);
      }
    }
    if (rows.joinType().keepsUnmatchedRight()) {
      for (int i = 0; i < right.size(); i++) {
        if (!matched[i]) {
          emit(rows.joined(null, right.get(i)), out);
        }
      }
    }
  }

  private void emit(Object[] row, OutputReceiver<Object[]> out) {
    outputRows.inc();
    out.output(row);
  }

  /** The key laid out as a right row would hold it, so that {@link JoinRows#rightKey} judges it. */
  private Object[] key(Object[] key) {
    Object[] row = new Object[spec.right().size()];
    int[] positions = rows.rightKeyPositions();
    for (int i = 0; i < positions.length; i++) {
      row[positions[i]] = key[i];
    }
    return row;
  }
}
