package io.msqbeam.translator.planner;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.error.InvalidSqlInput;
import io.msqbeam.translator.sql.DruidOperatorTable;
import io.msqbeam.translator.sql.DruidSqlValidator;
import io.msqbeam.translator.sql.RootSchema;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.CoreRules;
import io.msqbeam.translator.sql.DruidAggregateFunctions;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Validates a query against the catalog and converts it to a simplified Calcite relational tree,
 * turning Calcite's validation errors into Druid's messages and positions.
 */
final class SqlToRel {
  /**
   * As Druid's type system: string literals of different lengths meet (in VALUES, UNION, CASE) as
   * VARCHAR, not as a CHAR padded with spaces.
   */
  private static final RelDataTypeSystem TYPE_SYSTEM = new RelDataTypeSystemImpl() {
    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
      return true;
    }
  };

  private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(TYPE_SYSTEM);
  private final CalciteCatalogReader catalogReader;
  private final SqlValidator validator;
  private final RelOptCluster cluster;

  SqlToRel(Catalog catalog, io.msqbeam.translator.catalog.Lookups lookups,
      io.msqbeam.translator.plan.HttpInputSourceConfig httpConfig, boolean strictWindowing) {
    CalciteSchema rootSchema = RootSchema.of(catalog, lookups);
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteConnectionConfig connectionConfig = new CalciteConnectionConfigImpl(properties);
    this.catalogReader = new CalciteCatalogReader(rootSchema, List.of(RootSchema.DRUID), typeFactory, connectionConfig);
    this.validator = new DruidSqlValidator(
        new DruidOperatorTable(httpConfig), catalogReader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(io.msqbeam.translator.parser.DruidConformance.INSTANCE)
            .withIdentifierExpansion(true), strictWindowing);
    this.cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), new RexBuilder(typeFactory));
  }

  RexBuilder rexBuilder() {
    return cluster.getRexBuilder();
  }

  /** Validates {@code query} and returns its simplified relational form. */
  RelRoot convert(SqlNode query) {
    SqlNode validated;
    try {
      validated = validator.validate(io.msqbeam.translator.sql.ExtendRewriter.rewrite(query));
    } catch (CalciteContextException e) {
      throw fromCalcite(e);
    } catch (RuntimeException e) {
      DruidException druid = findDruidException(e);
      if (druid != null) {
        throw druid;
      }
      throw e;
    }
    SqlToRelConverter converter = new SqlToRelConverter(
        null, validator, catalogReader, cluster, StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
    RelRoot root = converter.convertQuery(validated, false, true);
    return root.withRel(GroupingSets.expand(simplify(removeSubQueries(root.rel))));
  }

  /**
   * IN, NOT IN and EXISTS over subqueries become joins, as Druid plans them: Calcite rewrites each
   * subquery (correlated ones through a Correlate, then decorrelated) into a join with an aggregate of
   * the subquery, which plans like any other join.
   */
  private RelNode removeSubQueries(RelNode rel) {
    HepProgram program = HepProgram.builder()
        .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
        .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
        .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
        .build();
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(rel);
    RelNode removed = planner.findBestExp();
    if (containsUncollect(removed)) {
      // UNNEST is a Correlate over an Uncollect, planned as Druid's unnest data source as it is.
      return removed;
    }
    return RelDecorrelator.decorrelateQuery(removed, RelFactories.LOGICAL_BUILDER.create(cluster, null));
  }

  private static boolean containsUncollect(RelNode rel) {
    if (rel instanceof org.apache.calcite.rel.core.Uncollect) {
      return true;
    }
    return rel.getInputs().stream().anyMatch(SqlToRel::containsUncollect);
  }

  private static RelNode simplify(RelNode rel) {
    HepProgram program = HepProgram.builder()
        // Window functions (RexOver in a projection) become Window relations, planned as Druid's window stages.
        .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
        .addRuleInstance(CoreRules.FILTER_MERGE)
        .addRuleInstance(CoreRules.PROJECT_MERGE)
        .addRuleInstance(CoreRules.PROJECT_REMOVE)
        .addRuleInstance(CoreRules.AGGREGATE_PROJECT_MERGE)
        // AVG, STDDEV… become SUM/COUNT aggregations and a post-aggregation projection, as Druid plans them.
        .addRuleInstance(CoreRules.AGGREGATE_REDUCE_FUNCTIONS)
        .addRuleInstance(CoreRules.PROJECT_MERGE)
        .build();
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  /**
   * Calcite's expansion of distinct aggregates, except of an aggregate holding ARRAY_AGG(DISTINCT),
   * ARRAY_CONCAT_AGG(DISTINCT) or STRING_AGG(DISTINCT): those collect distinct values themselves, exact in every mode, as in Druid.
   */
  private static final RelOptRule EXPAND_DISTINCT_AGGREGATES =
      CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN.config
          .withOperandSupplier(b -> b.operand(LogicalAggregate.class)
              .predicate(aggregate -> aggregate.getAggCallList().stream().noneMatch(SqlToRel::collectsDistinct))
              .anyInputs())
          .as(AggregateExpandDistinctAggregatesRule.Config.class)
          .toRule();

  private static boolean collectsDistinct(AggregateCall call) {
    return call.isDistinct() && (call.getAggregation() == DruidAggregateFunctions.ARRAY_AGG
        || call.getAggregation() == DruidAggregateFunctions.STRING_AGG
        || call.getAggregation() == DruidAggregateFunctions.LISTAGG
        || call.getAggregation() == DruidAggregateFunctions.ARRAY_CONCAT_AGG);
  }

  /**
   * Exact distinct aggregates as Druid plans them with {@code useApproximateCountDistinct: false}: a
   * nested GROUP BY, the inner one grouping by the distinct argument too (Calcite's expansion of
   * distinct aggregates; other aggregates are split across the two levels).
   */
  static RelNode expandDistinctAggregates(RelNode rel) {
    HepProgram program = HepProgram.builder()
        .addRuleInstance(EXPAND_DISTINCT_AGGREGATES)
        .addRuleInstance(CoreRules.PROJECT_MERGE)
        .addRuleInstance(CoreRules.PROJECT_REMOVE)
        .build();
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  private static DruidException fromCalcite(CalciteContextException e) {
    DruidException druid = findDruidException(e);
    if (druid != null) {
      return druid;
    }
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    return InvalidSqlInput.atPosition(
        message + " (line [" + e.getPosLine() + "], column [" + e.getPosColumn() + "])",
        e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn(), e);
  }

  private static DruidException findDruidException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DruidException druid) {
        return druid;
      }
    }
    return null;
  }
}
