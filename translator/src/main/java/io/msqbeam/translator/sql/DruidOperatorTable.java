package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.HttpInputSourceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Calcite's standard operators plus Druid's (time functions, EXTERN and the input table functions
 * {@code inline}, {@code localfiles}, {@code http}), looked up case-insensitively
 * as Druid does, while identifiers of tables and columns stay case-sensitive.
 */
public final class DruidOperatorTable implements SqlOperatorTable {
  private static final SqlNameMatcher CASE_INSENSITIVE = SqlNameMatchers.withCaseSensitive(false);

  private final SqlOperatorTable standard = SqlStdOperatorTable.instance();
  private final Map<String, List<SqlOperator>> druidOperators;

  public DruidOperatorTable() {
    this(HttpInputSourceConfig.DEFAULT);
  }

  /** @param httpConfig the URIs {@code http} sources may read (Druid's {@code druid.ingestion.http.*}) */
  public DruidOperatorTable(HttpInputSourceConfig httpConfig) {
    List<SqlOperator> operators = new ArrayList<>(DruidFunctions.all());
    operators.addAll(DruidAggregateFunctions.all());
    operators.addAll(ArrayFunctions.all());
    operators.addAll(IpAddressFunctions.all());
    operators.addAll(JsonFunctions.all());
    for (InputTableFunction function : List.of(
        new ExternTableMacro(httpConfig),
        new InlineFunction(),
        new LocalFilesFunction(),
        new HttpFunction(httpConfig))) {
      operators.add(new InputTableFunctionOperator(function));
    }
    Map<String, List<SqlOperator>> byName = new java.util.HashMap<>(operators.stream()
        .collect(Collectors.groupingBy(op -> op.getName().toUpperCase(Locale.ROOT))));
    VarianceFunctions.byName().forEach((name, op) -> byName.put(name, List.of(op)));
    this.druidOperators = Map.copyOf(byName);
  }

  @Override
  public void lookupOperatorOverloads(
      SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax, List<SqlOperator> operatorList,
      SqlNameMatcher nameMatcher) {
    if (opName.isSimple()) {
      List<SqlOperator> ours = druidOperators.get(opName.getSimple().toUpperCase(Locale.ROOT));
      if (ours != null) {
        for (SqlOperator op : ours) {
          if (op.getSyntax() == syntax || syntax == SqlSyntax.FUNCTION && op.getSyntax() == SqlSyntax.FUNCTION_ID) {
            operatorList.add(op);
          }
        }
        if (!operatorList.isEmpty()) {
          return;
        }
      }
    }
    standard.lookupOperatorOverloads(opName, category, syntax, operatorList, CASE_INSENSITIVE);
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    List<SqlOperator> all = new ArrayList<>(standard.getOperatorList());
    druidOperators.values().forEach(all::addAll);
    return all;
  }
}
