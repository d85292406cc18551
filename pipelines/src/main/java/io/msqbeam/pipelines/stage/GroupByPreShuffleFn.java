package io.msqbeam.pipelines.stage;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.DimensionSpec;
import io.msqbeam.translator.plan.GroupByQuery;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * The per-row part of a groupByPreShuffle stage: filter and virtual columns (as a scan), then the
 * group key (dimension values) and a one-row accumulator for the combiner.
 */
final class GroupByPreShuffleFn extends DoFn<Object[], KV<Object[], Object[]>> {
  private final List<ColumnSignature> inputSignature;
  private final GroupByQuery query;
  private transient ScanRowProcessor projection;
  private transient Aggregators aggregators;
  private transient int dimensionCount;
  private transient int[] fieldPositions;

  GroupByPreShuffleFn(List<ColumnSignature> inputSignature, GroupByQuery query) {
    this.inputSignature = List.copyOf(inputSignature);
    this.query = query;
  }

  @Setup
  public void setup() {
    // Project to: the dimensions' source columns, then the aggregators' fields.
    List<String> columns = new ArrayList<>();
    for (DimensionSpec dimension : query.dimensions()) {
      columns.add(dimension.dimension());
    }
    dimensionCount = columns.size();
    aggregators = new Aggregators(query.aggregations());
    fieldPositions = new int[query.aggregations().size()];
    for (int i = 0; i < fieldPositions.length; i++) {
      String field = query.aggregations().get(i).fieldName();
      if (field == null) {
        fieldPositions[i] = -1;
      } else {
        fieldPositions[i] = columns.size();
        columns.add(field);
      }
    }
    projection = new ScanRowProcessor(inputSignature, query.virtualColumns(),
        query.filter() == null ? null : query.filter().expression(), columns);
  }

  @ProcessElement
  public void process(@Element Object[] row, OutputReceiver<KV<Object[], Object[]>> out) {
    Object[] projected = projection.process(row);
    if (projected == null) {
      return;
    }
    Object[] key = new Object[dimensionCount];
    System.arraycopy(projected, 0, key, 0, dimensionCount);
    Object[] values = new Object[fieldPositions.length];
    for (int i = 0; i < fieldPositions.length; i++) {
      values[i] = fieldPositions[i] < 0 ? null : projected[fieldPositions[i]];
    }
    Object[] accumulator = aggregators.empty();
    aggregators.add(accumulator, values);
    out.output(KV.of(key, accumulator));
  }
}
