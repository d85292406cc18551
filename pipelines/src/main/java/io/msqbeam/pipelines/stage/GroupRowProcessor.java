package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.expr.RowExpression;
import io.msqbeam.translator.plan.GroupByQuery;

/**
 * Turns a combined group into an output row (dimensions, then aggregates) and applies HAVING, for
 * the Beam and the in-process paths alike. A groupByPreShuffle stage emits its groups without HAVING
 * ({@link #withoutHaving}); the groupByPostShuffle stage applies it. Not thread-safe.
 */
final class GroupRowProcessor {
  private final RowExpression having;
  /** Post-aggregations (expressions over dimensions and aggregates), appended after HAVING passed. */
  private final RowExpression[] postAggregations;
  private final io.msqbeam.translator.plan.ColumnType[] postTypes;

  /** Finalizes accumulators (sketch → estimate) where the groups are complete: after the combine. */
  private final Aggregators finalizer;
  /**
   * Whether aggregates stay unfinalized (Druid's {@code finalize: false}): the pre-shuffle stage emits
   * intermediate values, and the post-shuffle stage finalizes them only for HAVING and post-aggregations.
   */
  private final boolean intermediate;
  private final Aggregators aggregators;
  /** Druid's RowTooLarge check on each output row. */
  private final FrameRowLimit frameRowLimit;

  private GroupRowProcessor(RowExpression having, RowExpression[] postAggregations,
      io.msqbeam.translator.plan.ColumnType[] postTypes, Aggregators finalizer, FrameRowLimit frameRowLimit,
      GroupByQuery query) {
    this.intermediate = !query.finalizes();
    this.aggregators = new Aggregators(query.aggregations());
    this.frameRowLimit = frameRowLimit;
    this.having = having;
    this.finalizer = finalizer;
    this.postAggregations = postAggregations;
    this.postTypes = postTypes;
  }

  /** Applies the query's HAVING, if any, then computes its post-aggregations. */
  static GroupRowProcessor of(GroupByQuery query) {
    return new GroupRowProcessor(
        query.having() == null ? null : new RowExpression(query.having().expression(), query.aggregateSignature()),
        query.postAggregations().stream().map(p -> new RowExpression(p.expression(), query.aggregateSignature()))
            .toArray(RowExpression[]::new),
        query.postAggregations().stream().map(p -> p.outputType()).toArray(io.msqbeam.translator.plan.ColumnType[]::new),
        null, FrameRowLimit.of(query.context()), query);
  }

  /** Keeps every group, finalizing its accumulators: the output of a groupByPreShuffle stage. */
  static GroupRowProcessor withoutHaving(GroupByQuery query) {
    return new GroupRowProcessor(null, new RowExpression[0], new io.msqbeam.translator.plan.ColumnType[0],
        new Aggregators(query.aggregations()), FrameRowLimit.of(query.context()), query);
  }

  /** The output row of a group, or null when HAVING rejects it. */
  Object[] process(Object[] key, Object[] accumulators) {
    Object[] aggregates = finalizer == null ? accumulators
        : intermediate ? finalizer.intermediateValues(accumulators) : finalizer.finalizeValues(accumulators);
    Object[] row = join(key, aggregates);
    // HAVING and post-aggregations see finalized values, as Druid's post-aggregators finalize their inputs.
    Object[] finalized = intermediate && (having != null || postAggregations.length > 0)
        ? join(key, aggregators.finalizeIntermediates(aggregates)) : row;
    if (!keeps(finalized)) {
      return null;
    }
    if (postAggregations.length == 0) {
      frameRowLimit.check(row);
      return row;
    }
    Object[] withPost = java.util.Arrays.copyOf(row, row.length + postAggregations.length);
    for (int i = 0; i < postAggregations.length; i++) {
      withPost[row.length + i] = postAggregations[i].evaluate(finalized, postTypes[i]);
    }
    frameRowLimit.check(withPost);
    return withPost;
  }

  private static Object[] join(Object[] key, Object[] aggregates) {
    Object[] row = new Object[key.length + aggregates.length];
    System.arraycopy(key, 0, row, 0, key.length);
    System.arraycopy(aggregates, 0, row, key.length, aggregates.length);
    return row;
  }

  /** Whether HAVING keeps an output row. */
  boolean keeps(Object[] row) {
    return having == null || having.test(row);
  }
}
