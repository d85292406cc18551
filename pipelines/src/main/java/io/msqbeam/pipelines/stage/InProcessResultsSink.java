package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.util.List;

/**
 * The end of an in-process SELECT: the final stage's rows written to {@code results.jsonl} as the
 * Beam path writes them ({@link ResultsFile}), in the order of the final stage's shuffle spec. Rows
 * with no order to keep stream straight to the file; rows to sort are held, bounded by
 * {@link InProcessLimits#maxBufferedRows()}. Closing without {@link #finish} leaves no results file.
 */
final class InProcessResultsSink implements InProcessRowSink, AutoCloseable {
  private final int stageNumber;
  private final int maxBufferedRows;
  private final ResultsFile file;
  /** Rows held to sort, or null when rows stream to the file in arrival order. */
  private final SortedLimit sorted;

  InProcessResultsSink(QueryPlan plan, String outputDir, InProcessLimits limits) {
    StageDefinition last = plan.finalStage();
    List<String> names = last.signature().stream().map(ColumnSignature::name).toList();
    int[] positions = ((TaskReportDestination) plan.destination()).columnMappings().stream()
        .mapToInt(m -> names.indexOf(m.queryColumn())).toArray();
    this.stageNumber = last.stageNumber();
    this.maxBufferedRows = limits.maxBufferedRows();
    this.sorted = last.shuffleSpec() == null ? null
        : new SortedLimit(new RowOrdering(last.signature(), last.shuffleSpec().clusterBy().columns()), null, null);
    this.file = ResultsFile.create(outputDir, positions);
  }

  @Override
  public void accept(Object[] row) {
    if (sorted == null) {
      file.write(row);
      return;
    }
    sorted.add(row);
    if (sorted.buffered() > maxBufferedRows) {
      throw InProcessRefusalException.limitExceeded(stageNumber, "result rows held to sort", maxBufferedRows);
    }
  }

  @Override
  public void finish() {
    if (sorted != null) {
      sorted.rows().forEach(file::write);
    }
    file.commit();
  }

  @Override
  public void close() {
    file.close();
  }
}
