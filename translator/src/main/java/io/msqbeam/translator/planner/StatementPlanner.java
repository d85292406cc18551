package io.msqbeam.translator.planner;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.catalog.Lookups;
import io.msqbeam.translator.error.InvalidInput;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.parser.DruidSqlIngest;
import io.msqbeam.translator.parser.DruidSqlParser;
import io.msqbeam.translator.parser.DruidSqlReplace;
import io.msqbeam.translator.parser.PartitionGranularity;
import io.msqbeam.translator.plan.AggregatorSpec;
import io.msqbeam.translator.plan.ColumnMapping;
import io.msqbeam.translator.plan.HttpInputSourceConfig;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.DataSourceDestination;
import io.msqbeam.translator.plan.GroupByPostShuffleProcessor;
import io.msqbeam.translator.plan.GroupByQuery;
import io.msqbeam.translator.plan.Intervals;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.QueryGranularity;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.TaskReportDestination;
import io.msqbeam.translator.sql.DruidTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Plans one statement of the task engine (INSERT, REPLACE or SELECT) into a {@link QueryPlan}:
 * parse with Druid's grammar, check Druid's ingestion rules, validate against the catalog, and
 * build the stage graph. Planning errors are {@code DruidException}s with Druid's messages.
 */
public final class StatementPlanner {
  private final Catalog catalog;
  private final HttpInputSourceConfig httpConfig;

  public StatementPlanner(Catalog catalog) {
    this(catalog, HttpInputSourceConfig.DEFAULT);
  }

  /** A planner whose {@code http} input sources may read only what {@code httpConfig} allows. */
  public StatementPlanner(Catalog catalog, HttpInputSourceConfig httpConfig) {
    this.catalog = catalog;
    this.httpConfig = java.util.Objects.requireNonNull(httpConfig, "httpConfig is null");
  }

  /**
   * @param queryId the controller task id ({@code query-<sqlQueryId>}); stage ids derive from it
   * @param segmentVersion the version new segments get (Druid uses the lock's ISO timestamp)
   */
  public PlannedStatement plan(String sql, Map<String, Object> contextValues, String queryId, String segmentVersion) {
    return plan(sql, contextValues, List.of(), queryId, segmentVersion);
  }

  /** As {@link #plan(String, Map, String, String)}, with dynamic parameters bound to the {@code ?}s in order. */
  public PlannedStatement plan(String sql, Map<String, Object> contextValues, List<SqlParameter> parameters,
      String queryId, String segmentVersion) {
    return plan(sql, contextValues, parameters, queryId, segmentVersion, SqlEngine.TASK);
  }

  /**
   * As {@link #plan(String, Map, List, String, String)}, for a SELECT run by {@code engine}, which
   * decides the context key that keeps its aggregates unfinalized.
   */
  public PlannedStatement plan(String sql, Map<String, Object> contextValues, List<SqlParameter> parameters,
      String queryId, String segmentVersion, SqlEngine engine) {
    QueryContext context = new QueryContext(contextValues);
    int workers = context.workerCount();
    SqlNode node = DruidSqlParser.parse(sql).accept(new ParameterBinder(parameters))
        .accept(new io.msqbeam.translator.sql.JsonCallRewriter());
    if (node instanceof org.apache.calcite.sql.SqlExplain explain) {
      // Druid plans the statement as it would run it and describes the plan instead of running it.
      return plan(explain.getExplicandum(), context, workers, queryId, segmentVersion, contextValues, engine)
          .explained();
    }
    return plan(node, context, workers, queryId, segmentVersion, contextValues, engine);
  }

  private PlannedStatement plan(SqlNode node, QueryContext context, int workers, String queryId,
      String segmentVersion, Map<String, Object> contextValues, SqlEngine engine) {
    if (node instanceof DruidSqlIngest ingest) {
      return planIngestion(ingest, context, workers, queryId, segmentVersion, contextValues);
    }
    if (!node.getKind().belongsTo(SqlKind.QUERY)) {
      throw InvalidSqlInput.exception("Unsupported SQL statement [" + node.getKind() + "]");
    }
    // One snapshot of the lookups for the whole statement: the lookup schema and every LOOKUP call.
    Lookups lookups = catalog.lookups();
    SqlToRel sqlToRel = new SqlToRel(catalog, lookups, httpConfig, context.windowingStrictValidation());
    RelRoot root = exactDistinct(sqlToRel.convert(node), contextValues);
    StageGraphBuilder builder = new StageGraphBuilder(queryId, sqlToRel.rexBuilder(),
        nativeContext(contextValues, queryId), workers, lookups);
    StageGraphBuilder.QueryStages stages = builder.build(root.rel, false);
    Set<String> unfinalized = engine.finalizesAggregations(contextValues) ? Set.of()
        : unfinalizedColumns(builder);
    List<ColumnMapping> mappings = new ArrayList<>();
    List<String> sqlTypes = new ArrayList<>();
    List<RelDataType> fieldTypes = root.rel.getRowType().getFieldList().stream().map(f -> f.getType()).toList();
    for (Map.Entry<Integer, String> field : root.fields) {
      String queryColumn = stages.fieldColumns().get(field.getKey());
      mappings.add(new ColumnMapping(queryColumn, field.getValue()));
      // MSQTaskQueryMaker types every aggregator column of an unfinalized query OTHER (its intermediate
      // type as a ComplexSqlType), plain counts and sums too; the native engine keeps the planned types.
      sqlTypes.add(engine == SqlEngine.TASK && unfinalized.contains(queryColumn) ? "OTHER"
          : DruidTypes.sqlTypeName(fieldTypes.get(field.getKey())));
    }
    QueryPlan plan = new QueryPlan(queryId, builder.stages(), new TaskReportDestination(mappings, sqlTypes));
    return new PlannedStatement(PlannedStatement.Kind.SELECT, PlannedStatement.SELECT_DATASOURCE, plan,
        ExplainAttributes.SELECT, false);
  }

  private PlannedStatement planIngestion(DruidSqlIngest ingest, QueryContext context, int workers, String queryId,
      String segmentVersion, Map<String, Object> contextValues) {
    boolean replace = ingest instanceof DruidSqlReplace;
    String operation = replace ? "REPLACE" : "INSERT";
    String dataSource = targetName(ingest, operation);
    if (ingest.getTargetColumnList() != null && !ingest.getTargetColumnList().isEmpty()) {
      throw InvalidSqlInput.exception("Operation [" + operation + "] cannot be run with a target column list, given ["
          + ingest.getTargetTable() + " (" + ingest.getTargetColumnList() + ")]");
    }
    if (ingest.getPartitionedBy() == null) {
      throw InvalidSqlInput.exception("Operation [" + operation
          + "] requires a PARTITIONED BY to be explicitly defined, but none was found.");
    }
    PartitionGranularity granularity = PartitionGranularity.fromSqlNode(ingest.getPartitionedBy());
    List<String> replaceTimeChunks = null;
    if (replace) {
      DruidSqlReplace replaceNode = (DruidSqlReplace) ingest;
      if (replaceNode.isOverwriteAll()) {
        replaceTimeChunks = Intervals.ETERNITY_LIST;
      } else if (replaceNode.getOverwriteWhere() == null) {
        throw InvalidSqlInput.exception("Missing time chunk information in OVERWRITE clause for REPLACE. Use OVERWRITE"
            + " WHERE <__time based condition> or OVERWRITE ALL to overwrite the entire table.");
      } else {
        replaceTimeChunks = OverwriteIntervals.of(replaceNode.getOverwriteWhere(), granularity);
      }
    }
    SqlNode source = ingest.getSource();
    if (source instanceof SqlOrderBy orderBy) {
      if (orderBy.orderList != null && !orderBy.orderList.isEmpty()) {
        throw InvalidSqlInput.exception("Cannot use an ORDER BY clause on a Query of type [" + operation
            + "], use CLUSTERED BY instead");
      }
      if (orderBy.offset != null) {
        throw InvalidSqlInput.exception("INSERT and REPLACE queries cannot have an OFFSET.");
      }
      if (orderBy.fetch != null && !granularity.isAll()) {
        throw InvalidSqlInput.exception("INSERT and REPLACE queries cannot have a LIMIT unless PARTITIONED BY is \"ALL\".");
      }
    }

    Lookups lookups = catalog.lookups();
    SqlToRel sqlToRel = new SqlToRel(catalog, lookups, httpConfig, context.windowingStrictValidation());
    RelRoot root = exactDistinct(sqlToRel.convert(source), contextValues);
    List<String> outputNames = root.fields.stream().map(f -> f.getValue()).toList();
    List<RelDataType> fieldTypes = root.rel.getRowType().getFieldList().stream().map(f -> f.getType()).toList();
    checkOutputColumns(outputNames, root, fieldTypes, granularity);
    TypeChangeCheck.check(outputNames, root.fields.stream().map(f -> fieldTypes.get(f.getKey())).toList(),
        catalog.table(dataSource).orElse(null), contextValues);

    StageGraphBuilder builder = new StageGraphBuilder(queryId, sqlToRel.rexBuilder(),
        nativeContext(contextValues, queryId), workers, lookups);
    StageGraphBuilder.QueryStages stages = builder.build(root.rel, true);

    SegmentSortOrder sortOrder = SegmentSortOrder.of(contextValues);
    List<String> clusteredBy = clusterColumns(ingest.getClusteredBy(), outputNames);
    sortOrder.validate(clusteredBy, outputNames);
    // The cluster key after the time bucket: CLUSTERED BY without __time, which leads the shuffle key anyway.
    List<String> clusterBy = clusteredBy.stream().filter(name -> !DruidTypes.TIME_COLUMN.equals(name)).toList();
    List<ColumnMapping> mappings = new ArrayList<>();
    String timeColumn = null;
    for (Map.Entry<Integer, String> field : root.fields) {
      String queryColumn = stages.fieldColumns().get(field.getKey());
      mappings.add(new ColumnMapping(queryColumn, field.getValue()));
      if (DruidTypes.TIME_COLUMN.equals(field.getValue())) {
        timeColumn = queryColumn;
      }
    }
    // Druid's rollup query (§1.9): a GROUP BY that neither finalizes nor unnests keeps its aggregates as metrics.
    boolean rollup = isRollupQuery(builder.stages(), contextValues);
    Map<String, AggregatorSpec> metrics = rollup ? rollupMetrics(builder, mappings, clusterBy) : Map.of();
    if (rollup) {
      // The metrics store the aggregates' intermediate values (pairs, sketches), not the finalized ones.
      builder.keepOuterAggregatesUnfinalized();
    }
    // Dimensions in segment sort order; __time stays among them only where it does not come first.
    List<ColumnSignature> dimensions = new ArrayList<>();
    for (String name : sortOrder.columns(clusteredBy, outputNames)) {
      if (!metrics.containsKey(name)) {
        dimensions.add(DruidTypes.TIME_COLUMN.equals(name) ? new ColumnSignature(name, ColumnType.LONG)
            : dimension(name, root, fieldTypes));
      }
    }
    if (!dimensions.isEmpty() && DruidTypes.TIME_COLUMN.equals(dimensions.get(0).name())) {
      dimensions.remove(0);
    }
    List<String> orderedMultiValue = ArrayIngestMode.of(contextValues).orderedMultiValueDimensions(dimensions);
    dimensions.replaceAll(ArrayIngestMode.of(contextValues)::dimension);

    List<ShuffleSpec.KeyColumn> key = new ArrayList<>();
    if (timeColumn != null) {
      key.add(new ShuffleSpec.KeyColumn(timeColumn, ShuffleSpec.Order.ASCENDING));
    }
    for (String name : clusteredBy) {
      key.add(new ShuffleSpec.KeyColumn(stages.fieldColumns().get(fieldIndex(root, name)), ShuffleSpec.Order.ASCENDING));
    }
    builder.reshuffleLast(ShuffleSpec.targetSize(
        new ShuffleSpec.ClusterBy(key, timeColumn == null ? 0 : 1), context.rowsPerSegment()));
    List<StageDefinition> all = new ArrayList<>(builder.stages());
    // Druid range-partitions a REPLACE by its leading string CLUSTERED BY columns.
    List<String> rangeDimensions = new ArrayList<>();
    for (int i = 0; replace && i < clusteredBy.size()
        && !DruidTypes.TIME_COLUMN.equals(clusteredBy.get(i))
        && dimension(clusteredBy.get(i), root, fieldTypes).type() == ColumnType.STRING; i++) {
      rangeDimensions.add(clusteredBy.get(i));
    }
    SegmentGeneratorProcessor generator = new SegmentGeneratorProcessor(
        new SegmentGeneratorProcessor.DataSchema(dataSource, dimensions, List.copyOf(metrics.values()),
            granularity.druidName(), rollup ? queryGranularity(builder, timeColumn) : QueryGranularity.NONE, rollup,
            orderedMultiValue),
        mappings,
        new SegmentGeneratorProcessor.TuningConfig(workers, context.rowsInMemory(), context.rowsPerSegment(),
            context.maxNumSegments()),
        rangeDimensions);
    all.add(new StageDefinition(queryId + "_" + all.size(), List.of(new StageInputSpec(all.size() - 1)), generator,
        List.of(), null, workers));
    QueryPlan plan = new QueryPlan(queryId, all, new DataSourceDestination(
        dataSource, granularity.druidName(), replaceTimeChunks, segmentVersion));
    ExplainAttributes attributes = ExplainAttributes.ingestion(operation, dataSource, granularity.druidName(), clusteredBy,
        replaceTimeChunks, replace && ((DruidSqlReplace) ingest).isOverwriteAll());
    return new PlannedStatement(replace ? PlannedStatement.Kind.REPLACE : PlannedStatement.Kind.INSERT, dataSource,
        plan, attributes, false);
  }

  /**
   * Makes the outermost GROUP BY keep its aggregates unfinalized and returns its output columns that
   * are aggregators in Druid's plan: the aggregators, and the nullable SUMs Calcite wraps around a sum
   * (Druid plans SUM as the aggregator itself).
   */
  private static Set<String> unfinalizedColumns(StageGraphBuilder builder) {
    Set<String> aggregators = builder.keepOuterAggregatesUnfinalized();
    if (aggregators.isEmpty()) {
      return aggregators;
    }
    Set<String> columns = new HashSet<>(aggregators);
    List<StageDefinition> stages = builder.stages();
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (stages.get(i).processor() instanceof GroupByPostShuffleProcessor) {
        columns.addAll(builder.nullableSums(i).keySet());
        break;
      }
    }
    return columns;
  }

  /** With {@code useApproximateCountDistinct: false}, distinct aggregates become nested GROUP BYs (Druid §7.4). */
  private static RelRoot exactDistinct(RelRoot root, Map<String, Object> contextValues) {
    Object approximate = contextValues == null ? null : contextValues.get("useApproximateCountDistinct");
    if (approximate == null || Boolean.parseBoolean(approximate.toString())) {
      return root;
    }
    return root.withRel(SqlToRel.expandDistinctAggregates(root.rel));
  }

  /**
   * Druid's {@code SegmentGenerationUtils.isRollupQuery}: a GROUP BY that does not finalize its
   * aggregations and does not unnest multi-value dimensions (rollup keeps them whole), i.e. context
   * {@code finalizeAggregations: false} and {@code groupByEnableMultiValueUnnesting: false}.
   */
  private static boolean isRollupQuery(List<StageDefinition> stages, Map<String, Object> contextValues) {
    return isFalse(contextValues, "finalizeAggregations") && isFalse(contextValues, "groupByEnableMultiValueUnnesting")
        && stages.get(stages.size() - 1).processor() instanceof GroupByPostShuffleProcessor;
  }

  private static boolean isFalse(Map<String, Object> contextValues, String key) {
    Object value = contextValues == null ? null : contextValues.get(key);
    return value != null && !Boolean.parseBoolean(value.toString());
  }

  /**
   * The segment metrics of a rollup query, by output column, as Druid's {@code SegmentGenerationUtils}
   * makes them: each output column that is an aggregate of the final GROUP BY gets that aggregator's
   * combining aggregator over itself (a count is re-aggregated by summing it, EARLIEST/LATEST keep
   * their time column, APPROX_COUNT_DISTINCT becomes a {@code hyperUnique} sketch). A CLUSTERED BY
   * column stays a dimension.
   */
  private static Map<String, AggregatorSpec> rollupMetrics(StageGraphBuilder builder, List<ColumnMapping> mappings,
      List<String> clusterBy) {
    List<StageDefinition> stages = builder.stages();
    StageDefinition last = stages.get(stages.size() - 1);
    GroupByQuery query = ((GroupByPostShuffleProcessor) last.processor()).query();
    Map<String, String> nullableSums = builder.nullableSums(last.stageNumber());
    Map<String, AggregatorSpec> metrics = new LinkedHashMap<>();
    for (ColumnMapping mapping : mappings) {
      String name = mapping.outputColumn();
      AggregatorSpec aggregator = aggregatorOf(query, nullableSums.getOrDefault(mapping.queryColumn(),
          mapping.queryColumn()));
      if (aggregator == null || clusterBy.contains(name) || DruidTypes.TIME_COLUMN.equals(name)) {
        continue;
      }
      metrics.put(name, RollupMetrics.combining(aggregator, name));
    }
    return metrics;
  }

  /**
   * Druid's {@code SegmentGenerationUtils.makeGranularitySpecForIngestion} for a rollup: the granularity of
   * the final GROUP BY's time floor when that key is what {@code __time} is written from, else none.
   */
  private static QueryGranularity queryGranularity(StageGraphBuilder builder, String timeColumn) {
    List<StageDefinition> stages = builder.stages();
    TimeFloors.Key floor = builder.timeFloor(stages.get(stages.size() - 1).stageNumber());
    return floor != null && floor.dimension().equals(timeColumn) ? floor.granularity() : QueryGranularity.NONE;
  }

  /** The aggregator of the query whose output column {@code column} is, or null. */
  private static AggregatorSpec aggregatorOf(GroupByQuery query, String column) {
    for (AggregatorSpec aggregator : query.aggregations()) {
      if (aggregator.name().equals(column)) {
        return aggregator;
      }
    }
    return null;
  }

  private static void checkOutputColumns(List<String> names, RelRoot root, List<RelDataType> fieldTypes,
      PartitionGranularity granularity) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name.startsWith("EXPR$")) {
        throw InvalidSqlInput.exception("Insertion requires columns to be named, but at least one of the columns was"
            + " unnamed.  This is usually an expression. Please add an alias to the expression.");
      }
      if (!seen.add(name)) {
        throw InvalidSqlInput.exception("Duplicate field in SELECT: [" + name + "]");
      }
    }
    if (!seen.contains(DruidTypes.TIME_COLUMN)) {
      if (!granularity.isAll()) {
        throw InvalidSqlInput.exception("The granularity [" + granularity.druidName() + "] specified in the PARTITIONED"
            + " BY clause of the INSERT query is different from ALL. Therefore, the query must specify a time column"
            + " (named __time).");
      }
      return;
    }
    RelDataType timeType = fieldTypes.get(fieldIndex(root, DruidTypes.TIME_COLUMN));
    if (timeType.getSqlTypeName() != SqlTypeName.TIMESTAMP) {
      throw InvalidSqlInput.exception("Field[__time] was the wrong type[" + timeType.getSqlTypeName()
          + "], expected TIMESTAMP");
    }
  }

  private static ColumnSignature dimension(String name, RelRoot root, List<RelDataType> fieldTypes) {
    ColumnType type = DruidTypes.nativeType(fieldTypes.get(fieldIndex(root, name)), name);
    if (type == ColumnType.JSON_ARRAY) {
      // Queries read JSON_QUERY_ARRAY's arrays (UNNEST them, or TO_JSON_STRING); the segment writer has no
      // column for them.
      throw InvalidInput.exception("Column [" + name + "] of type [" + type.druidName() + "] cannot be written to a"
          + " segment yet; UNNEST it, or wrap it in TO_JSON_STRING or PARSE_JSON(TO_JSON_STRING(…))");
    }
    return new ColumnSignature(name, type);
  }

  private static int fieldIndex(RelRoot root, String name) {
    for (Map.Entry<Integer, String> field : root.fields) {
      if (field.getValue().equals(name)) {
        return field.getKey();
      }
    }
    throw new IllegalArgumentException("No output column " + name);
  }

  private static List<String> clusterColumns(SqlNodeList clusteredBy, List<String> outputNames) {
    if (clusteredBy == null) {
      return List.of();
    }
    List<String> columns = new ArrayList<>();
    for (SqlNode node : clusteredBy) {
      if (node.getKind() == SqlKind.DESCENDING) {
        throw InvalidSqlInput.exception("Invalid CLUSTERED BY clause [" + node + "]: cannot sort in descending order.");
      }
      if (node instanceof org.apache.calcite.sql.SqlNumericLiteral literal) {
        int ordinal = literal.intValue(true);
        if (ordinal < 1) {
          throw InvalidSqlInput.exception("Ordinal [" + ordinal
              + "] specified in the CLUSTERED BY clause is invalid. It must be a positive integer.");
        }
        if (ordinal > outputNames.size()) {
          throw InvalidSqlInput.exception("Ordinal out of range");
        }
        columns.add(outputNames.get(ordinal - 1));
      } else if (node instanceof SqlIdentifier identifier && outputNames.contains(identifier.names.get(identifier.names.size() - 1))) {
        columns.add(identifier.names.get(identifier.names.size() - 1));
      } else {
        throw InvalidSqlInput.exception("CLUSTERED BY supports output column names and ordinals only, got [" + node + "]");
      }
    }
    return columns;
  }

  private static String targetName(DruidSqlIngest ingest, String operation) {
    SqlNode target = ingest.getTargetTable();
    if (!(target instanceof SqlIdentifier identifier)) {
      throw InvalidSqlInput.exception("Operation [" + operation + "] requires a target table");
    }
    if (identifier.names.size() > 1 && !identifier.names.get(0).equalsIgnoreCase("druid")) {
      throw InvalidSqlInput.exception("Table [" + identifier + "] does not support operation [" + operation
          + "] because it is not a Druid datasource");
    }
    String name = identifier.names.get(identifier.names.size() - 1);
    if (name.contains("/")) {
      throw InvalidInput.exception("Invalid value for field [table]: Value [" + name + "] cannot contain '/'.");
    }
    return name;
  }

  private static Map<String, Object> nativeContext(Map<String, Object> contextValues, String queryId) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("finalize", true);
    context.put("maxParseExceptions", 0);
    context.put("queryId", queryId.startsWith("query-") ? queryId.substring("query-".length()) : queryId);
    if (contextValues != null) {
      contextValues.forEach(context::put);
    }
    // Stages are planned finalized whatever the user's finalize says: each engine turns finalization off
    // for the outermost aggregation only, with its own key (SqlEngine, keepOuterAggregatesUnfinalized).
    context.put("finalize", true);
    long maxParseExceptions = new QueryContext(contextValues).maxParseExceptions();
    // An int when it fits, as JSON reads it back, so plans compare equal after a round trip.
    context.put("maxParseExceptions", maxParseExceptions == (int) maxParseExceptions
        ? (Object) (int) maxParseExceptions : (Object) maxParseExceptions);
    return context;
  }
}
