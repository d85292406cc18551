package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.AggregatorType;

/**
 * The metric a rollup ingestion stores an aggregate as: Druid's combining aggregator of the query's
 * aggregator, renamed to the output column and reading that column ({@code getCombiningFactory()}
 * after {@code withName(output)}, as {@code SegmentGenerationUtils} does). Aggregations whose
 * intermediate value we cannot store yet are refused with a planning error.
 */
final class RollupMetrics {
  private RollupMetrics() {}

  static AggregatorSpec combining(AggregatorSpec aggregator, String column) {
    AggregatorType type = aggregator.type();
    if (type.isTimed()) {
      // Druid's first/last combining factory keeps the time column and the string size; its values are
      // the time-value pairs, whose own time wins over the column's when rows roll up further.
      return new AggregatorSpec(type, column, column, null, aggregator.timeColumn(),
          type == AggregatorType.STRING_FIRST || type == AggregatorType.STRING_LAST ? aggregator.maxBytesOrDefault()
              : null, null, null, null);
    }
    if (type == AggregatorType.STRING_ANY) {
      // Druid's StringAnyAggregatorFactory combines as itself with its size. Its intermediate type is STRING,
      // which the segment's incremental index refuses as a metric: the task fails writing the segment, as in Druid.
      return new AggregatorSpec(type, column, column, null, null, aggregator.maxBytesOrDefault(), null, null,
          aggregator.aggregateMultipleValues());
    }
    if (type == AggregatorType.ARRAY_AGG || type == AggregatorType.ARRAY_AGG_DISTINCT
        || type == AggregatorType.STRING_AGG || type == AggregatorType.STRING_AGG_DISTINCT) {
      // Druid's expression aggregators collect arrays, which the segment's incremental index refuses as a
      // metric: planned as themselves, the task fails writing the segment, as in Druid.
      return new AggregatorSpec(type, column, column, null, null, aggregator.maxBytes(), aggregator.separator(),
          aggregator.elementType(), null);
    }
    AggregatorType combining = switch (type) {
      case COUNT -> AggregatorType.LONG_SUM;
      case LONG_SUM, DOUBLE_SUM, LONG_MIN, LONG_MAX, DOUBLE_MIN, DOUBLE_MAX, LONG_ANY, FLOAT_ANY, DOUBLE_ANY -> type;
      // cardinality's combining factory: hyperUnique over the sketches (isInputHyperUnique false, round true).
      case CARDINALITY, HYPER_UNIQUE -> AggregatorType.HYPER_UNIQUE;
      default -> throw Unplannable.because("aggregation [" + type.druidName()
          + "] cannot be stored as a rollup metric (finalizeAggregations: false) yet: column [" + column + "]");
    };
    return new AggregatorSpec(combining, column, column);
  }
}
