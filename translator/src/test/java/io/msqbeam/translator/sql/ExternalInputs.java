package io.msqbeam.translator.sql;

import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.parser.DruidSqlParser;
import io.msqbeam.translator.plan.ExternalInputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Test fixture: parses a query with Druid's grammar, applies {@link ExtendRewriter}, validates it
 * with {@link DruidOperatorTable} as the planner does, and returns the external inputs it scans.
 */
final class ExternalInputs {
  private ExternalInputs() {}

  static List<ExternalInputSpec> of(String sql) {
    JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl();
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteCatalogReader catalogReader = new CalciteCatalogReader(CalciteSchema.createRootSchema(false, false),
        List.of(), typeFactory, new CalciteConnectionConfigImpl(properties));
    SqlValidator validator = SqlValidatorUtil.newValidator(new DruidOperatorTable(), catalogReader, typeFactory,
        SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.LENIENT).withIdentifierExpansion(true));
    SqlNode validated;
    try {
      validated = validator.validate(ExtendRewriter.rewrite(DruidSqlParser.parse(sql)));
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof DruidException druid) {
          throw druid;
        }
      }
      throw e;
    }
    RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
        new RexBuilder(typeFactory));
    SqlToRelConverter converter = new SqlToRelConverter(null, validator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE, SqlToRelConverter.config());
    List<ExternalInputSpec> specs = new ArrayList<>();
    collect(converter.convertQuery(validated, false, true).rel, specs);
    return specs;
  }

  static ExternalInputSpec single(String sql) {
    List<ExternalInputSpec> specs = of(sql);
    if (specs.size() != 1) {
      throw new AssertionError("expected one external input, got " + specs);
    }
    return specs.get(0);
  }

  private static void collect(RelNode rel, List<ExternalInputSpec> specs) {
    if (rel instanceof TableScan scan) {
      ExternalTable table = scan.getTable().unwrap(ExternalTable.class);
      if (table != null) {
        specs.add(table.spec());
      }
    }
    rel.getInputs().forEach(input -> collect(input, specs));
  }
}
