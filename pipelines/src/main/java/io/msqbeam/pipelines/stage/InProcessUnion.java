package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import java.util.List;

/**
 * A union of inputs run in-process: each input's rows, laid out as the union's (by column name), go
 * to one downstream sink, which finishes when the last input does.
 */
final class InProcessUnion {
  private final InProcessRowSink downstream;
  private int unfinished;

  InProcessUnion(int inputs, InProcessRowSink downstream) {
    this.downstream = downstream;
    this.unfinished = inputs;
  }

  /** The sink of one input whose rows have {@code signature}; the union's rows have {@code unionSignature}. */
  InProcessRowSink input(List<ColumnSignature> signature, List<ColumnSignature> unionSignature) {
    int[] layout = StageInputRows.layout(signature, unionSignature);
    return new InProcessRowSink() {
      @Override
      public void accept(Object[] row) {
        downstream.accept(layout == null ? row : StageInputRows.relayout(row, layout));
      }

      @Override
      public void finish() {
        if (--unfinished == 0) {
          downstream.finish();
        }
      }

      @Override
      public boolean isSatisfied() {
        return downstream.isSatisfied();
      }
    };
  }
}
