package io.msqbeam.translator.planner;

import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.AggregatorType;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.DimensionSpec;
import io.msqbeam.translator.plan.ExpressionFilter;
import io.msqbeam.translator.plan.GroupByPostShuffleProcessor;
import io.msqbeam.translator.plan.GroupByPreShuffleProcessor;
import io.msqbeam.translator.plan.GroupByQuery;
import io.msqbeam.translator.plan.InputNumberDataSource;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.Intervals;
import io.msqbeam.translator.plan.LimitProcessor;
import io.msqbeam.translator.plan.QueryDataSource;
import io.msqbeam.translator.plan.QuerySegmentSpec;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.ScanQuery;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.TableInputSpec;
import io.msqbeam.translator.plan.VirtualColumn;
import io.msqbeam.translator.sql.DruidTable;
import io.msqbeam.translator.sql.ComplexSqlType;
import io.msqbeam.translator.sql.DruidFunctions;
import io.msqbeam.translator.sql.DruidTypes;
import io.msqbeam.translator.sql.ExternalTable;
import io.msqbeam.translator.sql.SystemTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Builds the query stages of a statement from its {@link QueryShape}, the way Druid's MSQ does:
 * a {@code scan} stage, or {@code groupByPreShuffle} + {@code groupByPostShuffle} for aggregation,
 * then a {@code limit} stage when the result is sorted or limited. Every stage's output is
 * partitioned and sorted by its shuffle spec before the next stage (or the destination) reads it.
 */
final class StageGraphBuilder {
  private final String queryId;
  private final RexBuilder rexBuilder;
  private final Map<String, Object> nativeContext;
  private final int workers;
  private final List<StageDefinition> stages = new ArrayList<>();
  /** Per groupByPostShuffle stage number: its post-aggregations that are nullable SUMs, to the sum they show. */
  private final Map<Integer, Map<String, String>> nullableSums = new java.util.HashMap<>();
  /** Per groupByPostShuffle stage number: its one dimension that floors a table's {@code __time}, if any. */
  private final Map<Integer, TimeFloors.Key> timeFloors = new java.util.HashMap<>();
  private final long nowMillis = java.time.Instant.now().toEpochMilli();
  private final java.time.ZoneId timeZone;
  private final io.msqbeam.translator.catalog.Lookups lookups;

  StageGraphBuilder(String queryId, RexBuilder rexBuilder, Map<String, Object> nativeContext, int workers,
      io.msqbeam.translator.catalog.Lookups lookups) {
    this.lookups = lookups;
    this.queryId = queryId;
    this.rexBuilder = rexBuilder;
    this.nativeContext = nativeContext;
    this.workers = workers;
    this.timeZone = SqlTimeZone.of(nativeContext.get("sqlTimeZone"));
  }

  /**
   * A translator of row expressions over {@code columns}, in the statement's {@code sqlTimeZone} and
   * with the one planning instant every CURRENT_TIMESTAMP of the statement shares, as in Druid.
   */
  DruidExpressions expressions(List<String> columns) {
    return new DruidExpressions(rexBuilder, columns, nowMillis, timeZone, lookups);
  }

  /** The stages, and for each field of the planned relation the final stage column that holds it. */
  record QueryStages(List<StageDefinition> stages, List<String> fieldColumns) {}

  /**
   * What a query level reads: its stage inputs (one, or several for a union or a join), which of
   * them are broadcast, the data source its native query names, and for each field of the source
   * relation the column (of the data source's rows) that holds it.
   */
  record Source(List<InputSpec> inputs, List<Integer> broadcast, QueryDataSource dataSource, List<String> columns) {
    static Source single(InputSpec input, List<String> columns) {
      return new Source(List.of(input), List.of(), new InputNumberDataSource(0), columns);
    }
  }

  QueryStages build(RelNode rel, boolean ingestion) {
    List<String> fieldColumns = planLevel(rel);
    return new QueryStages(List.copyOf(stages), fieldColumns);
  }

  /**
   * Plans one query level (and, first, whatever it reads that is not a table) into stages appended
   * to {@link #stages}; returns the final stage's column for each field of {@code rel}.
   */
  List<String> planLevel(RelNode rel) {
    QueryShape shape = QueryShape.of(rel);
    if (shape.source() == rel
        && !(rel instanceof TableScan || rel instanceof Values || rel instanceof Union || rel instanceof Join
            || rel instanceof Window || UnnestPlanner.isUnnest(rel))) {
      throw Unplannable.because("SQL requires a query shape that is not supported yet: "
          + rel.explain().replace('\n', ' ').trim());
    }
    Source source = source(shape.source());
    List<String> sourceColumns = source.columns();
    ColumnNames names = ColumnNames.avoiding(sourceColumns);
    DruidExpressions scanExpressions = expressions(sourceColumns);
    ExpressionFilter filter = shape.where() == null
        ? null : new ExpressionFilter(scanExpressions.toDruid(shape.where().getCondition()));

    List<RexNode> projects = shape.selectProject() != null
        ? shape.selectProject().getProjects()
        : identity(shape.source().getRowType());
    List<VirtualColumn> virtualColumns = new ArrayList<>();
    List<String> projected = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (RexNode project : projects) {
      String name;
      if (project instanceof RexInputRef ref && used.add(sourceColumns.get(ref.getIndex()))) {
        name = sourceColumns.get(ref.getIndex());
      } else {
        name = names.virtualColumn(virtualColumns.size());
        used.add(name);
        virtualColumns.add(new VirtualColumn(name, scanExpressions.toDruid(project),
            DruidTypes.nativeType(project.getType(), name)));
      }
      projected.add(name);
    }

    List<String> fieldColumns;
    if (shape.aggregate() == null) {
      List<ColumnSignature> signature = new ArrayList<>();
      for (int i = 0; i < projects.size(); i++) {
        signature.add(new ColumnSignature(projected.get(i), DruidTypes.nativeType(projects.get(i).getType(),
            projected.get(i))));
      }
      ScanQuery query = new ScanQuery(source.dataSource(), QuerySegmentSpec.eternity(), virtualColumns, filter,
          signature.stream().map(ColumnSignature::name).toList(),
          signature.stream().map(ColumnSignature::type).toList(), nativeContext);
      addStage(source.inputs(), source.broadcast(), new ScanProcessor(query), signature, null, workers);
      fieldColumns = projected;
    } else {
      fieldColumns = addAggregation(shape, source, filter, virtualColumns, projected, projects, names);
    }

    if (shape.sort() != null && !isTrivial(shape.sort())) {
      addSortAndLimit(shape.sort(), fieldColumns);
    }
    return fieldColumns;
  }

  /**
   * The input of a query level: a table or external data read directly, a union or a join of
   * inputs (read by the level's own stage, as Druid's MSQ reads union and join data sources), or a
   * relation planned first into stages whose output the level reads.
   */
  private Source source(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return Source.single(inputOf(scan), scan.getRowType().getFieldNames());
    }
    if (rel instanceof Values values) {
      return Source.single(InlineValues.inputOf(values, timeZone), values.getRowType().getFieldNames());
    }
    if (rel instanceof Union union) {
      return new UnionPlanner(this).source(union);
    }
    if (rel instanceof Join join) {
      return new JoinPlanner(this).source(join);
    }
    if (rel instanceof Window window) {
      return new WindowPlanner(this).source(window);
    }
    if (UnnestPlanner.isUnnest(rel)) {
      return new UnnestPlanner(this).source(rel);
    }
    List<String> columns = planLevel(rel);
    return Source.single(new StageInputSpec(stages.size() - 1), columns);
  }

  /**
   * {@code rel} as one stage input: a table read directly when that is all it is, else the output of
   * the stages it is planned into; with the final stage column of each field.
   */
  Source singleInput(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return Source.single(inputOf(scan), scan.getRowType().getFieldNames());
    }
    List<String> columns = planLevel(rel);
    return Source.single(new StageInputSpec(stages.size() - 1), columns);
  }

  /** The source of a join's left side: a table or a nested join read by the same stage, else one input. */
  Source joinLeft(RelNode rel) {
    if (rel instanceof Join join) {
      return new JoinPlanner(this).source(join);
    }
    return singleInput(rel);
  }

  Map<String, Object> nativeContext() {
    return nativeContext;
  }

  RexBuilder rexBuilder() {
    return rexBuilder;
  }

  int workers() {
    return workers;
  }

  /** The number the next stage gets. */
  int nextStageNumber() {
    return stages.size();
  }

  private List<String> addAggregation(
      QueryShape shape, Source source, ExpressionFilter filter, List<VirtualColumn> virtualColumns,
      List<String> projected, List<RexNode> projects, ColumnNames names) {
    Aggregate aggregate = shape.aggregate();
    if (aggregate.getGroupSets().size() != 1) {
      // GroupingSets expands every aggregate with several grouping sets before planning.
      throw new IllegalStateException("grouping sets left unexpanded: " + aggregate);
    }
    List<DimensionSpec> dimensions = new ArrayList<>();
    // Druid's DruidQuery.toGroupByQuery: over a table, the one key flooring __time gives the query granularity;
    // two such keys give none.
    boolean overTable = shape.source() instanceof TableScan scan && inputOf(scan) instanceof TableInputSpec;
    TimeFloors.Key timeFloor = null;
    int floors = 0;
    for (int key : aggregate.getGroupSet()) {
      dimensions.add(new DimensionSpec(projected.get(key), names.dimension(dimensions.size()),
          DruidTypes.nativeType(projects.get(key).getType(), projected.get(key))));
      io.msqbeam.translator.plan.QueryGranularity granularity =
          overTable ? TimeFloors.of(projects.get(key), source.columns(), timeZone) : null;
      if (granularity != null && floors++ == 0) {
        timeFloor = new TimeFloors.Key(dimensions.get(dimensions.size() - 1).outputName(), granularity);
      }
    }
    List<AggregatorSpec> aggregations = new ArrayList<>();
    for (AggregateCall call : aggregate.getAggCallList()) {
      aggregations.add(aggregator(call, names.aggregator(aggregations.size()), projected, projects));
    }
    GroupByQuery preQuery = new GroupByQuery(source.dataSource(), QuerySegmentSpec.eternity(), virtualColumns,
        filter, dimensions, aggregations, null, nativeContext);
    List<ColumnSignature> signature = preQuery.outputSignature();
    List<ShuffleSpec.KeyColumn> dimensionKey = dimensions.stream()
        .map(d -> new ShuffleSpec.KeyColumn(d.outputName(), ShuffleSpec.Order.ASCENDING)).toList();
    addStage(source.inputs(), source.broadcast(), new GroupByPreShuffleProcessor(preQuery), signature,
        ShuffleSpec.maxCount(new ShuffleSpec.ClusterBy(dimensionKey, 0), workers, true, null), workers);

    List<String> outputNames = signature.stream().map(ColumnSignature::name).toList();
    ExpressionFilter having = shape.having() == null ? null
        : new ExpressionFilter(expressions(outputNames).toDruid(shape.having().getCondition()));
    List<VirtualColumn> postAggregations = new ArrayList<>();
    List<String> mapped = new ArrayList<>(outputNames);
    Map<String, String> sums = new java.util.LinkedHashMap<>();
    if (shape.postProject() != null) {
      mapped.clear();
      DruidExpressions postExpressions = expressions(outputNames);
      for (RexNode project : shape.postProject().getProjects()) {
        if (project instanceof RexInputRef ref) {
          mapped.add(outputNames.get(ref.getIndex()));
        } else {
          String name = names.postAggregator(postAggregations.size());
          postAggregations.add(new VirtualColumn(name, postExpressions.toDruid(project),
              DruidTypes.nativeType(project.getType(), name)));
          mapped.add(name);
          int sum = NullableSums.sumOf(project, aggregate);
          if (sum >= 0) {
            sums.put(name, outputNames.get(sum));
          }
        }
      }
    }
    GroupByQuery postQuery = new GroupByQuery(new InputNumberDataSource(0), QuerySegmentSpec.eternity(), List.of(),
        null, dimensions, aggregations, having, postAggregations, nativeContext);
    // Without ORDER BY, Druid returns groups in dimension order: keep that by sorting on the dimensions.
    ShuffleSpec postShuffle = dimensionKey.isEmpty() ? null
        : ShuffleSpec.maxCount(new ShuffleSpec.ClusterBy(dimensionKey, 0), 1, null, null);
    nullableSums.put(stages.size(), Map.copyOf(sums));
    if (floors == 1) {
      timeFloors.put(stages.size(), timeFloor);
    }
    addStage(List.of(new StageInputSpec(stages.size() - 1)), new GroupByPostShuffleProcessor(postQuery),
        postQuery.outputSignature(), postShuffle, workers);
    return mapped;
  }

  private AggregatorSpec aggregator(AggregateCall call, String name, List<String> projected,
      List<RexNode> projects) {
    String filterColumn = call.filterArg >= 0 ? projected.get(call.filterArg) : null;
    AggregatorSpec druidFunction = new DruidAggregatorCalls(projected, projects).plan(call, name, filterColumn);
    if (druidFunction != null) {
      return druidFunction;
    }
    SqlKind kind = call.getAggregation().getKind();
    boolean approximate = !"false".equals(String.valueOf(nativeContext.get("useApproximateCountDistinct")));
    boolean approxFunction = call.getAggregation() == DruidFunctions.APPROX_COUNT_DISTINCT
        || call.getAggregation() == io.msqbeam.translator.sql.DruidAggregateFunctions.APPROX_COUNT_DISTINCT_BUILTIN;
    if ((approxFunction || kind == SqlKind.COUNT && call.isDistinct() && approximate) && call.getArgList().size() == 1) {
      // Druid counts distinct values approximately by default (HyperLogLog, the cardinality aggregator).
      return new AggregatorSpec(AggregatorType.CARDINALITY, name, projected.get(call.getArgList().get(0)), filterColumn);
    }
    if (kind == SqlKind.LITERAL_AGG && call.rexList.size() == 1 && call.rexList.get(0).isAlwaysTrue()) {
      // Calcite's NOT IN rewrite marks the subquery's values with LITERAL_AGG(true): every group has a row,
      // so its row count (never null, and true as a Druid condition) carries the same answer.
      return new AggregatorSpec(AggregatorType.COUNT, name, null, filterColumn);
    }
    if (call.isDistinct()) {
      // Exact distinct counts were expanded into nested aggregates before; this is another DISTINCT aggregate.
      throw Unplannable.because("aggregation [" + call.getAggregation().getName() + "(DISTINCT)] is not supported yet");
    }
    if (kind == SqlKind.COUNT && call.getArgList().isEmpty()) {
      return new AggregatorSpec(AggregatorType.COUNT, name, null, filterColumn);
    }
    if (kind == SqlKind.COUNT && call.getArgList().size() == 1) {
      return new AggregatorSpec(AggregatorType.COUNT, name, projected.get(call.getArgList().get(0)), filterColumn);
    }
    if (call.getArgList().size() != 1) {
      throw Unplannable.because("aggregation [" + call + "] is not supported yet");
    }
    int arg = call.getArgList().get(0);
    String field = projected.get(arg);
    if (projects.get(arg).getType() instanceof ComplexSqlType complex) {
      // Druid's Min/MaxSqlAggregator (SimpleSqlAggregator.badTypeException); Calcite lets MIN/MAX take OTHER.
      // The same for a stored sketch or pair: only APPROX_COUNT_DISTINCT or EARLIEST/LATEST read those.
      throw InvalidSqlInput.exception("Aggregation [" + call.getAggregation().getName() + "] does not support type"
          + " [" + complex.druidName() + "], column [" + field + "]");
    }
    boolean integral = DruidTypes.nativeType(projects.get(arg).getType(), field) == ColumnType.LONG;
    AggregatorType type = switch (kind) {
      case SUM, SUM0 -> integral ? AggregatorType.LONG_SUM : AggregatorType.DOUBLE_SUM;
      case MIN -> integral ? AggregatorType.LONG_MIN : AggregatorType.DOUBLE_MIN;
      case MAX -> integral ? AggregatorType.LONG_MAX : AggregatorType.DOUBLE_MAX;
      // Druid folds the values as longs (its bitwise functions cast doubles).
      case BIT_AND -> AggregatorType.LONG_BIT_AND;
      case BIT_OR -> AggregatorType.LONG_BIT_OR;
      case BIT_XOR -> AggregatorType.LONG_BIT_XOR;
      default -> throw Unplannable.because("aggregation [" + call.getAggregation().getName() + "] is not supported yet");
    };
    if (projects.get(arg).getType().getSqlTypeName() == SqlTypeName.VARCHAR) {
      throw Unplannable.because("Aggregation [" + call.getAggregation().getName() + "] does not support type [STRING]");
    }
    return new AggregatorSpec(type, name, field, filterColumn);
  }

  private void addSortAndLimit(Sort sort, List<String> fieldColumns) {
    List<ShuffleSpec.KeyColumn> key = new ArrayList<>();
    for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
      key.add(new ShuffleSpec.KeyColumn(fieldColumns.get(collation.getFieldIndex()),
          collation.direction.isDescending() ? ShuffleSpec.Order.DESCENDING : ShuffleSpec.Order.ASCENDING));
    }
    Long offset = sort.offset == null ? null : literalLong(sort.offset);
    Long limit = sort.fetch == null ? null : literalLong(sort.fetch);
    Long limitHint = limit == null ? null : limit + (offset == null ? 0 : offset);
    ShuffleSpec ordered = ShuffleSpec.maxCount(new ShuffleSpec.ClusterBy(key, 0), 1, null, limitHint);
    StageDefinition previous = stages.remove(stages.size() - 1);
    stages.add(previous.withShuffleSpec(ordered));
    addStage(List.of(new StageInputSpec(stages.size() - 1)), new LimitProcessor(offset, limit), previous.signature(),
        key.isEmpty() ? null : ShuffleSpec.maxCount(new ShuffleSpec.ClusterBy(key, 0), 1, null, null), 1);
  }

  private static boolean isTrivial(Sort sort) {
    return sort.getCollation().getFieldCollations().isEmpty() && sort.offset == null && sort.fetch == null;
  }

  private static long literalLong(RexNode node) {
    if (node instanceof RexLiteral literal) {
      return literal.getValueAs(Long.class);
    }
    throw Unplannable.because("LIMIT and OFFSET must be literals");
  }

  /**
   * The post-aggregations of groupByPostShuffle stage {@code stageNumber} that are Calcite's nullable
   * SUM ({@link NullableSums}), each to the sum aggregator whose value it is.
   */
  Map<String, String> nullableSums(int stageNumber) {
    return nullableSums.getOrDefault(stageNumber, Map.of());
  }

  /**
   * The dimension of groupByPostShuffle stage {@code stageNumber} that is its only floor of a table's
   * {@code __time} ({@link TimeFloors}), with its granularity; null when it has none or several.
   */
  TimeFloors.Key timeFloor(int stageNumber) {
    return timeFloors.get(stageNumber);
  }

  /**
   * Makes the outermost groupBy keep its aggregates unfinalized, as Druid's native {@code finalize: false}
   * does (a rollup ingestion, or a SELECT with {@code finalizeAggregations}/{@code finalize} false):
   * EARLIEST/LATEST and APPROX_COUNT_DISTINCT emit their pairs and sketches, and the stages' signatures
   * say so. Only the outermost level changes: Druid's SQL planner finalizes the aggregates of inner
   * queries with explicit post-aggregators whatever the context says. The groupBy is the last stage or
   * is followed by the {@code limit} stage of an ORDER BY/LIMIT; otherwise the outermost level does
   * not aggregate and nothing changes.
   *
   * @return the names of the groupBy's aggregators, empty when nothing changed
   */
  Set<String> keepOuterAggregatesUnfinalized() {
    int last = stages.size() - 1;
    int post = stages.get(last).processor() instanceof LimitProcessor ? last - 1 : last;
    if (post < 1 || !(stages.get(post).processor() instanceof GroupByPostShuffleProcessor postProcessor)) {
      return Set.of();
    }
    StageDefinition pre = stages.get(post - 1);
    GroupByQuery preQuery = ((GroupByPreShuffleProcessor) pre.processor()).query().withFinalize(false);
    GroupByQuery postQuery = postProcessor.query().withFinalize(false);
    Set<String> complex = new HashSet<>();
    for (AggregatorSpec aggregator : postQuery.aggregations()) {
      if (aggregator.type().hasComplexIntermediate()) {
        complex.add(aggregator.name());
      }
    }
    for (StageDefinition stage : stages.subList(post, stages.size())) {
      if (stage.shuffleSpec() == null || stage.shuffleSpec().clusterBy() == null) {
        continue;
      }
      for (ShuffleSpec.KeyColumn key : stage.shuffleSpec().clusterBy().columns()) {
        if (complex.contains(key.columnName())) {
          // Druid would order by the aggregator's comparator over sketches and pairs; we have none.
          throw Unplannable.because("ORDER BY an unfinalized sketch or EARLIEST/LATEST pair (finalize false) is"
              + " not supported: column [" + key.columnName() + "]");
        }
      }
    }
    StageDefinition postStage = stages.get(post);
    stages.set(post - 1, new StageDefinition(pre.id(), pre.input(), pre.broadcast(),
        new GroupByPreShuffleProcessor(preQuery), preQuery.outputSignature(), pre.shuffleSpec(), pre.maxWorkerCount()));
    stages.set(post, new StageDefinition(postStage.id(), postStage.input(), postStage.broadcast(),
        new GroupByPostShuffleProcessor(postQuery), postQuery.outputSignature(), postStage.shuffleSpec(),
        postStage.maxWorkerCount()));
    if (post < last) {
      // The limit stage passes the groupBy's rows through: its signature is the groupBy's.
      StageDefinition limit = stages.get(last);
      stages.set(last, new StageDefinition(limit.id(), limit.input(), limit.broadcast(), limit.processor(),
          postQuery.outputSignature(), limit.shuffleSpec(), limit.maxWorkerCount()));
    }
    Set<String> names = new java.util.LinkedHashSet<>();
    postQuery.aggregations().forEach(aggregator -> names.add(aggregator.name()));
    return names;
  }

  /** Replaces the last stage's shuffle spec (e.g. ingestion's time-chunk partitioning). */
  void reshuffleLast(ShuffleSpec shuffleSpec) {
    StageDefinition previous = stages.remove(stages.size() - 1);
    stages.add(previous.withShuffleSpec(shuffleSpec));
  }

  void addStage(List<InputSpec> inputs, io.msqbeam.translator.plan.StageProcessor processor,
      List<ColumnSignature> signature, ShuffleSpec shuffleSpec, int maxWorkerCount) {
    addStage(inputs, List.of(), processor, signature, shuffleSpec, maxWorkerCount);
  }

  void addStage(List<InputSpec> inputs, List<Integer> broadcast, io.msqbeam.translator.plan.StageProcessor processor,
      List<ColumnSignature> signature, ShuffleSpec shuffleSpec, int maxWorkerCount) {
    stages.add(new StageDefinition(queryId + "_" + stages.size(), inputs, broadcast, processor, signature, shuffleSpec,
        maxWorkerCount));
  }

  static InputSpec inputOf(TableScan scan) {
    ExternalTable external = scan.getTable().unwrap(ExternalTable.class);
    if (external != null) {
      return external.spec();
    }
    SystemTable system = scan.getTable().unwrap(SystemTable.class);
    if (system != null) {
      return system.inputSpec();
    }
    DruidTable table = scan.getTable().unwrap(DruidTable.class);
    if (table != null) {
      TableDescriptor descriptor = table.descriptor();
      return new TableInputSpec(descriptor.name(), Intervals.ETERNITY_LIST, descriptor.segments(), descriptor.columns());
    }
    throw Unplannable.because("cannot read table " + scan.getTable().getQualifiedName());
  }

  private List<RexNode> identity(RelDataType rowType) {
    List<RexNode> refs = new ArrayList<>();
    for (RelDataTypeField field : rowType.getFieldList()) {
      refs.add(rexBuilder.makeInputRef(field.getType(), field.getIndex()));
    }
    return refs;
  }

  List<StageDefinition> stages() {
    return stages;
  }

  /** The signature of a stage input. */
  List<ColumnSignature> signatureOf(InputSpec input) {
    if (input instanceof StageInputSpec stage) {
      return stages.get(stage.stage()).signature();
    }
    if (input instanceof TableInputSpec table) {
      return table.signature();
    }
    return ((io.msqbeam.translator.plan.ExternalInputSpec) input).signature();
  }

}
