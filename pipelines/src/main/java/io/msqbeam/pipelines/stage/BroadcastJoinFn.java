package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.FaultException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A broadcast hash join on Beam: every worker reads the whole right side (a side input), builds a
 * hash table of it once, bounded by Druid's broadcast limit ({@code BroadcastTablesTooLarge} past
 * it), and streams its left rows through it. INNER and LEFT joins only: which right rows no left row
 * matched is not known to any one worker (the planner runs RIGHT and FULL joins as sort-merge joins).
 */
final class BroadcastJoinFn extends DoFn<Object[], Object[]> {
  private final JoinSpec spec;
  private final PCollectionView<List<Object[]>> right;
  private final long maxBroadcastBytes;
  private transient JoinRows rows;
  private transient Map<List<Object>, List<Object[]>> table;

  BroadcastJoinFn(JoinSpec spec, PCollectionView<List<Object[]>> right, long maxBroadcastBytes) {
    if (spec.joinType().keepsUnmatchedRight()) {
      throw new IllegalArgumentException("A broadcast join cannot keep unmatched right rows: " + spec.joinType());
    }
    this.spec = spec;
    this.right = right;
    this.maxBroadcastBytes = maxBroadcastBytes;
  }

  @Setup
  public void setup() {
    rows = spec.rows();
  }

  @ProcessElement
  public void process(ProcessContext context) {
    if (table == null) {
      table = build(context.sideInput(right));
    }
    Object[] left = context.element();
    Object[] key = rows.leftKey(left);
    boolean matched = false;
    for (Object[] candidate : key == null ? List.<Object[]>of() : table.getOrDefault(JoinRows.asList(key), List.of())) {
      Object[] joined = rows.joined(left, candidate);
      if (rows.accepts(joined)) {
        matched = true;
        context.output(joined);
      }
    }
    if (!matched && rows.joinType().keepsUnmatchedLeft()) {
      context.output(rows.joined(left, null));
    }
  }

  private Map<List<Object>, List<Object[]>> build(List<Object[]> rightRows) {
    Map<List<Object>, List<Object[]>> built = new HashMap<>();
    long bytes = 0;
    for (Object[] row : rightRows) {
      bytes += FrameRowLimit.size(row);
      if (bytes > maxBroadcastBytes) {
        throw new FaultException(JoinFaults.broadcastTablesTooLarge(maxBroadcastBytes));
      }
      Object[] key = rows.rightKey(row);
      if (key != null) {
        built.computeIfAbsent(JoinRows.asList(key), k -> new ArrayList<>(1)).add(row);
      }
    }
    return built;
  }
}
