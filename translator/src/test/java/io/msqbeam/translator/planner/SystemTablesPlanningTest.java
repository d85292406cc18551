package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.catalog.SegmentRow;
import io.msqbeam.translator.catalog.SystemTables;
import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.catalog.TaskRow;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.TableInputSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** INFORMATION_SCHEMA and sys tables plan as inline JSON input holding the rows the catalog gives. */
class SystemTablesPlanningTest {
  private static final TableDescriptor W = new TableDescriptor("w", List.of(
      new ColumnSignature("__time", ColumnType.LONG), new ColumnSignature("channel", ColumnType.STRING),
      new ColumnSignature("added", ColumnType.LONG)), List.of());

  private static final SystemTables ROWS = new SystemTables() {
    @Override
    public List<SegmentRow> segments() {
      return List.of(new SegmentRow("w_2016-06-27T00:00:00.000Z_2016-06-28T00:00:00.000Z_v1", "w",
          "2016-06-27T00:00:00.000Z", "2016-06-28T00:00:00.000Z", 1234, "v1", 0, 1, 20, 1, 1, 1, 0, 0,
          "{\"type\":\"numbered\"}", "[\"channel\"]", "[]", null, 1));
    }

    @Override
    public List<TaskRow> tasks() {
      return List.of(new TaskRow("query-t1", "query-t1", "query_controller", "w", "2026-01-01T00:00:00.000Z",
          "1970-01-01T00:00:00.000Z", "SUCCESS", "NONE", 1500, "localhost:8081", "localhost", 8081, -1, null));
    }
  };

  private static Catalog catalog(SystemTables systemTables) {
    return new Catalog() {
      @Override
      public Optional<TableDescriptor> table(String dataSource) {
        return dataSource.equals("w") ? Optional.of(W) : Optional.empty();
      }

      @Override
      public List<String> dataSourceNames() {
        return List.of("w");
      }

      @Override
      public SystemTables systemTables() {
        return systemTables;
      }
    };
  }

  private static QueryPlan plan(Catalog catalog, String sql) {
    return new StatementPlanner(catalog).plan(sql, Map.of(), "sql-q1", "2026-01-01T00:00:00.000Z").plan();
  }

  private static String inlineRows(QueryPlan plan) {
    ExternalInputSpec input = (ExternalInputSpec) plan.stages().get(0).input().get(0);
    return ((InlineInputSource) input.inputSource()).data();
  }

  @Test
  void listsDataSourcesAndSystemTablesInInformationSchemaTables() {
    String rows = inlineRows(plan(catalog(ROWS), "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE TABLE_SCHEMA = 'druid'"));
    assertThat(rows.lines()).containsExactly(
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"druid\",\"TABLE_NAME\":\"w\",\"TABLE_TYPE\":\"TABLE\","
            + "\"IS_JOINABLE\":\"NO\",\"IS_BROADCAST\":\"NO\"}",
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"INFORMATION_SCHEMA\",\"TABLE_NAME\":\"COLUMNS\","
            + "\"TABLE_TYPE\":\"SYSTEM_TABLE\",\"IS_JOINABLE\":\"NO\",\"IS_BROADCAST\":\"NO\"}",
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"INFORMATION_SCHEMA\",\"TABLE_NAME\":\"SCHEMATA\","
            + "\"TABLE_TYPE\":\"SYSTEM_TABLE\",\"IS_JOINABLE\":\"NO\",\"IS_BROADCAST\":\"NO\"}",
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"INFORMATION_SCHEMA\",\"TABLE_NAME\":\"TABLES\","
            + "\"TABLE_TYPE\":\"SYSTEM_TABLE\",\"IS_JOINABLE\":\"NO\",\"IS_BROADCAST\":\"NO\"}",
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"sys\",\"TABLE_NAME\":\"segments\","
            + "\"TABLE_TYPE\":\"SYSTEM_TABLE\",\"IS_JOINABLE\":\"NO\",\"IS_BROADCAST\":\"NO\"}",
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"sys\",\"TABLE_NAME\":\"tasks\","
            + "\"TABLE_TYPE\":\"SYSTEM_TABLE\",\"IS_JOINABLE\":\"NO\",\"IS_BROADCAST\":\"NO\"}");
  }

  @Test
  void listsSchemataInCalciteNameOrder() {
    assertThat(inlineRows(plan(catalog(ROWS), "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA")).lines()
        .map(line -> line.replaceAll(".*\"SCHEMA_NAME\":\"([^\"]*)\".*", "$1")))
        .containsExactly("druid", "INFORMATION_SCHEMA", "lookup", "sys", "view");
  }

  @Test
  void describesColumnsWithDruidSqlTypes() {
    QueryPlan plan = plan(catalog(ROWS), "SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_NAME = 'w' ORDER BY ORDINAL_POSITION");
    List<String> w = inlineRows(plan).lines().filter(l -> l.contains("\"TABLE_NAME\":\"w\"")).toList();
    assertThat(w).containsExactly(
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"druid\",\"TABLE_NAME\":\"w\",\"COLUMN_NAME\":\"__time\","
            + "\"ORDINAL_POSITION\":\"0\",\"COLUMN_DEFAULT\":\"\",\"IS_NULLABLE\":\"NO\",\"DATA_TYPE\":\"TIMESTAMP\","
            + "\"CHARACTER_MAXIMUM_LENGTH\":null,\"CHARACTER_OCTET_LENGTH\":null,\"NUMERIC_PRECISION\":null,"
            + "\"NUMERIC_PRECISION_RADIX\":null,\"NUMERIC_SCALE\":null,\"DATETIME_PRECISION\":\"3\","
            + "\"CHARACTER_SET_NAME\":null,\"COLLATION_NAME\":null,\"JDBC_TYPE\":93}",
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"druid\",\"TABLE_NAME\":\"w\",\"COLUMN_NAME\":\"channel\","
            + "\"ORDINAL_POSITION\":\"1\",\"COLUMN_DEFAULT\":\"\",\"IS_NULLABLE\":\"YES\",\"DATA_TYPE\":\"VARCHAR\","
            + "\"CHARACTER_MAXIMUM_LENGTH\":null,\"CHARACTER_OCTET_LENGTH\":null,\"NUMERIC_PRECISION\":null,"
            + "\"NUMERIC_PRECISION_RADIX\":null,\"NUMERIC_SCALE\":null,\"DATETIME_PRECISION\":null,"
            + "\"CHARACTER_SET_NAME\":\"UTF-16LE\",\"COLLATION_NAME\":\"UTF-16LE$en_US\",\"JDBC_TYPE\":12}",
        "{\"TABLE_CATALOG\":\"druid\",\"TABLE_SCHEMA\":\"druid\",\"TABLE_NAME\":\"w\",\"COLUMN_NAME\":\"added\","
            + "\"ORDINAL_POSITION\":\"2\",\"COLUMN_DEFAULT\":\"\",\"IS_NULLABLE\":\"YES\",\"DATA_TYPE\":\"BIGINT\","
            + "\"CHARACTER_MAXIMUM_LENGTH\":null,\"CHARACTER_OCTET_LENGTH\":null,\"NUMERIC_PRECISION\":\"19\","
            + "\"NUMERIC_PRECISION_RADIX\":\"10\",\"NUMERIC_SCALE\":\"0\",\"DATETIME_PRECISION\":null,"
            + "\"CHARACTER_SET_NAME\":null,\"COLLATION_NAME\":null,\"JDBC_TYPE\":-5}");
  }

  @Test
  void readsSysSegmentsAndTasksFromTheProvider() {
    ExternalInputSpec segments = (ExternalInputSpec) plan(catalog(ROWS),
        "SELECT COUNT(*) FROM sys.segments WHERE datasource = 'w'").stages().get(0).input().get(0);
    assertThat(segments.signature()).extracting(ColumnSignature::name).startsWith("segment_id", "datasource",
        "start", "end", "size", "version", "partition_num", "num_replicas", "num_rows", "is_active");
    assertThat(((InlineInputSource) segments.inputSource()).data()).contains("\"num_rows\":20", "\"is_active\":1");
    assertThat(inlineRows(plan(catalog(ROWS), "SELECT task_id, status FROM sys.tasks")))
        .startsWith("{\"task_id\":\"query-t1\",\"group_id\":\"query-t1\",\"type\":\"query_controller\"");
  }

  @Test
  void datasourcesResolveWithAndWithoutTheDruidSchema() {
    for (String sql : List.of("SELECT channel FROM w", "SELECT channel FROM druid.w")) {
      assertThat(plan(catalog(ROWS), sql).stages().get(0).input().get(0)).isInstanceOf(TableInputSpec.class);
    }
  }

  @Test
  void refusesSystemTablesOnAnEngineWithoutThem() {
    Catalog refusing = catalog(SystemTables.refusedBy("msq-task"));
    assertThatThrownBy(() -> plan(refusing, "SELECT * FROM INFORMATION_SCHEMA.SCHEMATA"))
        .isInstanceOf(DruidException.class)
        .hasMessage("Cannot query table(s) [INFORMATION_SCHEMA.SCHEMATA] with SQL engine [msq-task]");
    assertThatThrownBy(() -> plan(refusing, "WITH s AS (SELECT * FROM sys.segments) SELECT COUNT(*) FROM s"))
        .isInstanceOf(DruidException.class)
        .hasMessage("Cannot query table(s) [sys.segments] with SQL engine [msq-task]");
    assertThat(plan(refusing, "WITH sys AS (SELECT channel FROM w) SELECT * FROM sys").stages()).isNotEmpty();
  }
}
