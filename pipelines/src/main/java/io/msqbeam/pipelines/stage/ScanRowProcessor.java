package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.expr.RowExpression;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ScanQuery;
import io.msqbeam.translator.plan.VirtualColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-row logic of a scan: filter, then project input columns and virtual columns into the
 * output columns. Expressions are compiled once, when the processor is made. Not thread-safe.
 */
final class ScanRowProcessor {
  private final RowExpression filter;
  private final RowExpression[] virtualColumns;
  private final ColumnType[] virtualTypes;
  /** For each output column: >= 0 an input position, < 0 the virtual column -(i+1). */
  private final int[] sources;
  /** Druid's RowTooLarge check on each output row; null when none is asked for. */
  private FrameRowLimit frameRowLimit;

  ScanRowProcessor(List<ColumnSignature> inputSignature, List<VirtualColumn> virtuals, String filterExpression,
      List<String> outputColumns) {
    this.filter = filterExpression == null ? null : new RowExpression(filterExpression, inputSignature);
    this.virtualColumns = new RowExpression[virtuals.size()];
    this.virtualTypes = new ColumnType[virtuals.size()];
    List<String> virtualNames = new ArrayList<>();
    for (int i = 0; i < virtuals.size(); i++) {
      virtualColumns[i] = new RowExpression(virtuals.get(i).expression(), inputSignature);
      virtualTypes[i] = virtuals.get(i).outputType();
      virtualNames.add(virtuals.get(i).name());
    }
    List<String> inputNames = inputSignature.stream().map(ColumnSignature::name).toList();
    this.sources = new int[outputColumns.size()];
    for (int i = 0; i < outputColumns.size(); i++) {
      String name = outputColumns.get(i);
      int virtual = virtualNames.indexOf(name);
      if (virtual >= 0) {
        sources[i] = -(virtual + 1);
      } else {
        int input = inputNames.indexOf(name);
        if (input < 0) {
          throw new IllegalArgumentException("Unknown column [" + name + "] in " + inputNames);
        }
        sources[i] = input;
      }
    }
  }

  /** The processor of a scan stage: its query's virtual columns, filter and output columns. */
  static ScanRowProcessor of(List<ColumnSignature> inputSignature, ScanQuery query) {
    ScanRowProcessor processor = new ScanRowProcessor(inputSignature, query.virtualColumns(),
        query.filter() == null ? null : query.filter().expression(), query.columns());
    processor.frameRowLimit = FrameRowLimit.of(query.context());
    return processor;
  }

  /** The projected row, or null when the filter rejects the row. */
  Object[] process(Object[] row) {
    if (filter != null && !filter.test(row)) {
      return null;
    }
    Object[] out = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      int source = sources[i];
      if (source >= 0) {
        out[i] = row[source];
      } else {
        int v = -source - 1;
        out[i] = virtualColumns[v].evaluate(row, virtualTypes[v]);
      }
    }
    if (frameRowLimit != null) {
      frameRowLimit.check(out);
    }
    return out;
  }
}
