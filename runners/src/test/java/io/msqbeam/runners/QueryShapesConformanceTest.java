package io.msqbeam.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.catalog.Lookups;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.planner.StatementPlanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL beyond one scan/aggregate chain (subqueries, CTEs, UNION ALL, joins of every type by both
 * algorithms), with the same expected rows on every
 * runner: a subclass per runner. The data is Druid's test table {@code foo} (its six rows, from
 * {@code foo-rows.json}, with the multi-value {@code dim2} as the plain string Druid reads from it:
 * {@code []} and a missing value are null; {@code dim3} multi-value as it is), and the expected rows are worked out from those rows
 * (and, where Druid's tests ask the same question, equal their answers).
 */
public abstract class QueryShapesConformanceTest {
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final String ROWS = String.join("\\n",
      "{\"t\":\"2000-01-01\",\"dim1\":\"\",\"dim2\":\"a\",\"dim3\":[\"a\",\"b\"],\"m1\":1.0,\"cnt\":1}",
      "{\"t\":\"2000-01-02\",\"dim1\":\"10.1\",\"dim2\":null,\"dim3\":[\"b\",\"c\"],\"m1\":2.0,\"cnt\":1}",
      "{\"t\":\"2000-01-03\",\"dim1\":\"2\",\"dim2\":\"\",\"dim3\":[\"d\"],\"m1\":3.0,\"cnt\":1}",
      "{\"t\":\"2001-01-01\",\"dim1\":\"1\",\"dim2\":\"a\",\"dim3\":[\"\"],\"m1\":4.0,\"cnt\":1}",
      "{\"t\":\"2001-01-02\",\"dim1\":\"def\",\"dim2\":\"abc\",\"dim3\":[],\"m1\":5.0,\"cnt\":1}",
      "{\"t\":\"2001-01-03\",\"dim1\":\"abc\",\"m1\":6.0,\"cnt\":1}");
  /** Druid's {@code foo} as an inline EXTERN input; {@code $foo} in the queries below. */
  public static final String FOO = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + ROWS.replace("\"", "\\\"")
      + "\"}','{\"type\":\"json\"}','[{\"name\":\"t\",\"type\":\"string\"},{\"name\":\"dim1\",\"type\":\"string\"},"
      + "{\"name\":\"dim2\",\"type\":\"string\"},{\"name\":\"dim3\",\"type\":\"string\"},"
      + "{\"name\":\"m1\",\"type\":\"double\"},"
      + "{\"name\":\"cnt\",\"type\":\"long\"}]'))";

  /**
   * The {@code obj} values of Druid's nested-all-types test data as its MSQComplexGroupByTest expects them
   * back, in order of {@code a}; {@code cObj} is one object in every row. {@code $obj} in the queries below.
   */
  private static final List<String> OBJECTS = List.of(
      "{\"a\":100,\"b\":{\"x\":\"a\",\"y\":1.1,\"z\":[1,2,3,4]},\"c\":[100],\"v\":[]}",
      "{\"a\":200,\"b\":{\"x\":\"b\",\"y\":1.1,\"z\":[2,4,6]},\"c\":[\"a\",\"b\"],\"v\":[]}",
      "{\"a\":300}",
      "{\"a\":400,\"b\":{\"x\":\"d\",\"y\":1.1,\"z\":[3,4]},\"c\":{\"a\":1},\"v\":[]}",
      "{\"a\":500,\"b\":{\"x\":\"e\",\"z\":[1,2,3,4]},\"c\":\"hello\",\"v\":\"a\"}",
      "{\"a\":600,\"b\":{\"x\":\"f\",\"y\":1.1,\"z\":[6,7,8,9]},\"c\":12.3,\"v\":\"b\"}",
      "{\"a\":700,\"b\":{\"x\":\"g\",\"y\":1.1,\"z\":[9,null,9,9]},\"c\":null,\"v\":[]}");
  public static final String OBJ = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"" + String.join("\\n",
      OBJECTS.stream().map(o -> "{\"obj\":" + o + ",\"cObj\":{\"x\":1,\"y\":\"hello\"}}").toList())
      .replace("\"", "\\\"") + "\"}','{\"type\":\"json\"}','[{\"name\":\"obj\",\"type\":\"COMPLEX<json>\"},"
      + "{\"name\":\"cObj\",\"type\":\"COMPLEX<json>\"}]'))";

  /** No datasources; Druid's test lookup {@code lookyloo} (CalciteTests' map) for the LOOKUP cases. */
  private static final Catalog CATALOG = new Catalog() {
    @Override
    public java.util.Optional<io.msqbeam.translator.catalog.TableDescriptor> table(String dataSource) {
      return java.util.Optional.empty();
    }

    @Override
    public List<String> dataSourceNames() {
      return List.of();
    }

    @Override
    public Lookups lookups() {
      Map<String, String> lookyloo = new java.util.LinkedHashMap<>();
      lookyloo.put("a", "xa");
      lookyloo.put("abc", "xabc");
      lookyloo.put("nosuchkey", "mysteryvalue");
      lookyloo.put("6", "x6");
      return new Lookups(Map.of("lookyloo", lookyloo));
    }
  };

  @TempDir
  Path dir;

  /** The runner under test, shared by the tests of a class. */
  protected abstract Runner runner();

  /**
   * The cases: query, whether its order is fixed, expected rows. A slow runner's subclass hides this
   * with a static {@code cases()} of its own that picks a few (JUnit looks the factory up from the
   * concrete class).
   */
  public static Stream<Arguments> cases() {
    return allCases().stream();
  }

  public static List<Arguments> allCases() {
    List<Arguments> cases = new ArrayList<>();
    // Druid's CalciteQueryTest#testExactCountDistinctUsingSubquery: four dim2 groups (null, '', a, abc).
    cases.add(Arguments.of("SELECT SUM(cnt), COUNT(*) FROM (SELECT dim2, SUM(cnt) AS cnt FROM $foo GROUP BY dim2)",
        true, rows(row(6, 4))));
    cases.add(Arguments.of("SELECT COUNT(*) AS n FROM (SELECT dim2, COUNT(*) AS c FROM $foo GROUP BY dim2) WHERE c > 1",
        true, rows(row(2))));
    cases.add(Arguments.of("SELECT SUM(m1) AS s FROM (SELECT m1 FROM $foo ORDER BY m1 DESC LIMIT 3)",
        true, rows(row(15.0))));
    cases.add(Arguments.of("SELECT dim2, COUNT(*) AS c FROM (SELECT dim2, m1 FROM $foo ORDER BY m1 LIMIT 4)"
        + " GROUP BY dim2 ORDER BY c DESC, dim2", true, rows(row("a", 2), row(null, 1), row("", 1))));
    cases.add(Arguments.of("WITH g AS (SELECT dim2, COUNT(*) AS c FROM $foo GROUP BY dim2)"
        + " SELECT MAX(c) AS most, MIN(c) AS least FROM g", true, rows(row(2, 1))));
    cases.add(Arguments.of("SELECT c, COUNT(*) AS k FROM (SELECT dim2, COUNT(*) AS c FROM $foo GROUP BY dim2)"
        + " GROUP BY c ORDER BY c", true, rows(row(1, 2), row(2, 2))));
    cases.add(Arguments.of("SELECT COUNT(*) AS n FROM (SELECT c, COUNT(*) AS k FROM"
        + " (SELECT dim2, COUNT(*) AS c FROM $foo GROUP BY dim2) GROUP BY c)", true, rows(row(2))));
    cases.add(Arguments.of("SELECT UPPER(dim1) AS u, m1 * 2 AS twice FROM (SELECT dim1, m1 FROM $foo"
        + " ORDER BY m1 DESC LIMIT 2) WHERE dim1 <> 'x'", false, rows(row("ABC", 12.0), row("DEF", 10.0))));
    cases.add(Arguments.of("SELECT dim1, m1 FROM (SELECT dim1, m1 FROM $foo WHERE m1 > 2) WHERE dim1 <> ''"
        + " ORDER BY m1 DESC LIMIT 2 OFFSET 1", true, rows(row("def", 5.0), row("1", 4.0))));
    // UNION ALL: six rows each; dim2 has two nulls.
    cases.add(Arguments.of("SELECT COUNT(*) AS n, COUNT(d) AS nonNull FROM (SELECT dim1 AS d FROM $foo"
        + " UNION ALL SELECT dim2 FROM $foo)", true, rows(row(12, 10))));
    cases.add(Arguments.of("SELECT dim1 FROM $foo WHERE m1 > 5 UNION ALL SELECT dim2 FROM $foo WHERE m1 < 2",
        false, rows(row("abc"), row("a"))));
    cases.add(Arguments.of("SELECT d, COUNT(*) AS c FROM (SELECT dim2 AS d FROM $foo UNION ALL SELECT dim1 FROM $foo)"
        + " GROUP BY d", false, rows(row("a", 2), row(null, 2), row("", 2), row("abc", 2), row("10.1", 1),
        row("2", 1), row("1", 1), row("def", 1))));
    cases.add(Arguments.of("SELECT SUM(m) AS s FROM (SELECT m1 AS m FROM $foo UNION ALL SELECT m1 * 10 FROM $foo"
        + " UNION ALL SELECT SUM(m1) FROM $foo)", true, rows(row(21.0 + 210.0 + 21.0))));
    // JOIN on dim2: 'a' is in rows 1 and 4, '' in row 3, 'abc' in row 5; rows 2 and 6 have none.
    for (String algorithm : List.of("broadcast", "sortMerge")) {
      String hint = algorithm.equals("sortMerge") ? "/*sortMerge*/" : "";
      cases.add(Arguments.of(hint + "SELECT a.dim1, b.m1 FROM $foo a INNER JOIN $foo b ON a.dim2 = b.dim2", false,
          rows(row("", 1.0), row("", 4.0), row("1", 1.0), row("1", 4.0), row("2", 3.0), row("def", 5.0))));
      cases.add(Arguments.of(hint + "SELECT a.dim1, b.m1 FROM $foo a LEFT JOIN $foo b ON a.dim2 = b.dim2", false,
          rows(row("", 1.0), row("", 4.0), row("1", 1.0), row("1", 4.0), row("2", 3.0), row("def", 5.0),
              row("10.1", null), row("abc", null))));
      cases.add(Arguments.of(hint + "SELECT a.dim1, b.c FROM $foo a INNER JOIN"
          + " (SELECT dim2, COUNT(*) AS c FROM $foo GROUP BY dim2) b ON a.dim2 = b.dim2", false,
          rows(row("", 2), row("2", 1), row("1", 2), row("def", 1))));
      cases.add(Arguments.of(hint + "SELECT b.dim2, COUNT(*) AS c FROM $foo a JOIN $foo b ON a.dim2 = b.dim2"
          + " GROUP BY b.dim2 ORDER BY b.dim2", true, rows(row("", 1), row("a", 4), row("abc", 1))));
    }
    cases.add(Arguments.of("SELECT a.dim1, b.m1 FROM (SELECT * FROM $foo WHERE m1 < 4) a RIGHT JOIN $foo b"
        + " ON a.dim2 = b.dim2", false, rows(row("", 1.0), row(null, 2.0), row("2", 3.0), row("", 4.0),
        row(null, 5.0), row(null, 6.0))));
    cases.add(Arguments.of("SELECT a.dim1, b.dim1 FROM (SELECT * FROM $foo WHERE m1 < 3) a FULL JOIN"
        + " (SELECT * FROM $foo WHERE m1 > 3) b ON a.dim2 = b.dim2", false,
        rows(row("", "1"), row("10.1", null), row(null, "def"), row(null, "abc"))));
    cases.add(Arguments.of("SELECT a.dim1, b.dim1 FROM $foo a JOIN $foo b ON a.dim2 = b.dim2 AND a.m1 < b.m1",
        false, rows(row("", "1"))));
    cases.add(Arguments.of("SELECT COUNT(*) AS n FROM $foo a CROSS JOIN $foo b", true, rows(row(36))));
    cases.add(Arguments.of("SELECT a.dim1, c.dim1 FROM $foo a JOIN $foo b ON a.dim1 = b.dim1"
        + " LEFT JOIN $foo c ON b.dim2 = c.dim1 WHERE a.m1 < 3", false, rows(row("", null), row("10.1", null))));
    // Exact distinct counts (Druid's CalciteQueryTest#testExactCountDistinct: 3 non-null dim2 values).
    cases.add(Arguments.of("/*exact*/SELECT COUNT(DISTINCT dim2) AS d FROM $foo", true, rows(row(3))));
    cases.add(Arguments.of("/*exact*/SELECT dim2, COUNT(DISTINCT dim1) AS d, COUNT(*) AS n FROM $foo GROUP BY dim2",
        false, rows(row("a", 2, 2), row(null, 2, 2), row("", 1, 1), row("abc", 1, 1))));
    // Window functions over foo's rows: dim2 partitions {1,4} 'a', {3} '', {5} 'abc', {2,6} null (m1 = row number).
    cases.add(Arguments.of("SELECT dim1, ROW_NUMBER() OVER (PARTITION BY dim2 ORDER BY m1 DESC) AS rn FROM $foo",
        false, rows(row("1", 1), row("", 2), row("2", 1), row("def", 1), row("abc", 1), row("10.1", 2))));
    cases.add(Arguments.of("SELECT m1, SUM(m1) OVER (ORDER BY m1) AS cume, COUNT(*) OVER () AS n FROM $foo"
        + " ORDER BY m1", true, rows(row(1.0, 1.0, 6), row(2.0, 3.0, 6), row(3.0, 6.0, 6), row(4.0, 10.0, 6),
        row(5.0, 15.0, 6), row(6.0, 21.0, 6))));
    cases.add(Arguments.of("SELECT dim2, m1, RANK() OVER (ORDER BY dim2 NULLS FIRST) AS r,"
        + " DENSE_RANK() OVER (ORDER BY dim2 NULLS FIRST) AS d FROM $foo WHERE m1 < 6 ORDER BY m1", true,
        rows(row("a", 1.0, 3, 3), row(null, 2.0, 1, 1), row("", 3.0, 2, 2), row("a", 4.0, 3, 3),
            row("abc", 5.0, 5, 4))));
    // LAG/LEAD over m1's order (m1 = row number, dim1 "", 10.1, 2, 1, def, abc). LAG's default is ignored, as
    // in Druid (apache/druid#15270; the window-functions docs' example shows lag_val null despite a default 0).
    // NTILE(4) of six rows: buckets of 2, 2, 1, 1 (Druid's WindowPercentileProcessor).
    cases.add(Arguments.of("SELECT m1, LAG(dim1) OVER (ORDER BY m1) AS lag1, LEAD(dim1, 2) OVER (ORDER BY m1) AS lead2,"
        + " LAG(m1, 1, 0) OVER (ORDER BY m1) AS lagged, NTILE(4) OVER (ORDER BY m1) AS tile FROM $foo ORDER BY m1", true,
        rows(row(1.0, null, "2", null, 1), row(2.0, "", "1", 1.0, 1), row(3.0, "10.1", "def", 2.0, 2),
            row(4.0, "2", "abc", 3.0, 2), row(5.0, "1", null, 4.0, 3), row(6.0, "def", null, 5.0, 4))));
    // FIRST_VALUE/LAST_VALUE take the partition's first and last rows even with ORDER BY, as Druid's docs show
    // (first_val/last_val equal on every row); PERCENT_RANK (rank - 1) / (n - 1), 0 for one row; CUME_DIST.
    cases.add(Arguments.of("SELECT dim2, m1, FIRST_VALUE(m1) OVER w AS f, LAST_VALUE(dim1) OVER w AS l,"
        + " NTILE(2) OVER w AS t, PERCENT_RANK() OVER w AS p, CUME_DIST() OVER w AS c FROM $foo"
        + " WINDOW w AS (PARTITION BY dim2 ORDER BY m1)", false,
        rows(row("a", 1.0, 1.0, "1", 1, 0.0, 0.5), row("a", 4.0, 1.0, "1", 2, 1.0, 1.0),
            row(null, 2.0, 2.0, "abc", 1, 0.0, 0.5), row(null, 6.0, 2.0, "abc", 2, 1.0, 1.0),
            row("", 3.0, 3.0, "2", 1, 0.0, 1.0), row("abc", 5.0, 5.0, "def", 1, 0.0, 1.0))));
    // Ties: dim2 in order null, '', a, a, abc over the rows with m1 < 6 (RANK 1, 2, 3, 3, 5 as above).
    cases.add(Arguments.of("SELECT m1, PERCENT_RANK() OVER (ORDER BY dim2) AS p, CUME_DIST() OVER (ORDER BY dim2) AS c"
        + " FROM $foo WHERE m1 < 6 ORDER BY m1", true, rows(row(1.0, 0.5, 0.8), row(2.0, 0.0, 0.2),
        row(3.0, 0.25, 0.4), row(4.0, 0.5, 0.8), row(5.0, 1.0, 1.0))));
    // ROWS frames (Druid's allBoundsCombination test shape); MIN over an empty frame (past the last row) is null.
    cases.add(Arguments.of("SELECT m1, SUM(m1) OVER (ORDER BY m1 ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s3,"
        + " COUNT(*) OVER (ORDER BY m1 ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS c3,"
        + " MAX(m1) OVER (ORDER BY m1 ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS mx,"
        + " MIN(m1) OVER (ORDER BY m1 ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS mn,"
        + " SUM(cnt) OVER (ORDER BY m1 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING) AS run FROM $foo ORDER BY m1",
        true, rows(row(1.0, 3.0, 1, 6.0, 2.0, 2), row(2.0, 6.0, 2, 6.0, 3.0, 3), row(3.0, 9.0, 3, 6.0, 4.0, 4),
            row(4.0, 12.0, 3, 6.0, 5.0, 5), row(5.0, 15.0, 3, 6.0, 6.0, 6), row(6.0, 11.0, 3, 6.0, null, 6))));
    // finalizeAggregations false keeps the outermost aggregates in Druid's intermediate form, here through the
    // limit stage of an ORDER BY: EARLIEST/LATEST as time-value pairs (SerializablePair's lhs/rhs JSON).
    cases.add(Arguments.of("/*unfinalized*/SELECT dim2, COUNT(*) AS c, LATEST_BY(dim1, TIME_PARSE(t)) AS l,"
        + " EARLIEST_BY(m1, TIME_PARSE(t)) AS e FROM $foo GROUP BY dim2 ORDER BY dim2 DESC LIMIT 3", true,
        rows(row("abc", 1, json("{\"lhs\":978393600000,\"rhs\":\"def\"}"), json("{\"lhs\":978393600000,\"rhs\":5.0}")),
            row("a", 2, json("{\"lhs\":978307200000,\"rhs\":\"1\"}"), json("{\"lhs\":946684800000,\"rhs\":1.0}")),
            row("", 1, json("{\"lhs\":946857600000,\"rhs\":\"2\"}"), json("{\"lhs\":946857600000,\"rhs\":3.0}")))));
    // Ties in the ORDER BY are peers: the default frame (RANGE UNBOUNDED PRECEDING to CURRENT ROW) of a window
    // ordered by cnt, 1 in every row, takes the whole partition, as does a ROWS frame unbounded both ways.
    cases.add(Arguments.of("SELECT m1, SUM(m1) OVER (PARTITION BY dim2 ORDER BY cnt) AS s,"
        + " COUNT(*) OVER (PARTITION BY dim2 ORDER BY cnt ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
        + " AS n FROM $foo ORDER BY m1", true, rows(row(1.0, 5.0, 2), row(2.0, 8.0, 2), row(3.0, 3.0, 1),
            row(4.0, 5.0, 2), row(5.0, 5.0, 1), row(6.0, 8.0, 2))));
    // A RANGE frame counts peer groups: dim2 sorts null (2 rows), '' (1), a (2), abc (1).
    cases.add(Arguments.of("SELECT m1, COUNT(*) OVER (ORDER BY dim2 RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)"
        + " AS c FROM $foo ORDER BY m1", true,
        rows(row(1.0, 3), row(2.0, 6), row(3.0, 4), row(4.0, 3), row(5.0, 1), row(6.0, 6))));
    // IN / NOT IN / EXISTS over subqueries, planned as joins with an aggregate of the subquery as Druid does.
    // Druid's CalciteQueryTest#testUsingSubqueryAsFilter: only dim2 'abc' is among the non-empty dim1 values.
    cases.add(Arguments.of("SELECT dim1, dim2, COUNT(*) FROM $foo WHERE dim2 IN (SELECT dim1 FROM $foo WHERE dim1 <> '')"
        + " AND dim1 <> 'xxx' GROUP BY dim1, dim2 ORDER BY dim2", true, rows(row("def", "abc", 1))));
    cases.add(Arguments.of("SELECT dim1 FROM $foo WHERE dim2 IN (SELECT dim1 FROM $foo)", false,
        rows(row("2"), row("def"))));
    cases.add(Arguments.of("SELECT dim1, m1 FROM $foo WHERE m1 IN (SELECT MAX(m1) FROM $foo GROUP BY dim2)", false,
        rows(row("2", 3.0), row("1", 4.0), row("def", 5.0), row("abc", 6.0))));
    // NOT IN with SQL's nulls: a null dim2 is never NOT IN anything; a null in the subquery makes NOT IN never true.
    cases.add(Arguments.of("SELECT dim1 FROM $foo WHERE dim2 NOT IN (SELECT dim1 FROM $foo WHERE dim1 <> '')", false,
        rows(row(""), row("2"), row("1"))));
    cases.add(Arguments.of("SELECT COUNT(*) AS n FROM $foo WHERE dim1 NOT IN (SELECT dim2 FROM $foo)", true,
        rows(row(0))));
    cases.add(Arguments.of("SELECT COUNT(*) AS n FROM $foo WHERE EXISTS (SELECT 1 FROM $foo WHERE m1 > 5)", true,
        rows(row(6))));
    cases.add(Arguments.of("SELECT COUNT(*) AS n FROM $foo WHERE NOT EXISTS (SELECT 1 FROM $foo WHERE m1 > 5)", true,
        rows(row(0))));
    cases.add(Arguments.of("SELECT a.dim1 FROM $foo a WHERE EXISTS (SELECT 1 FROM $foo b WHERE b.dim1 = a.dim2)", false,
        rows(row("2"), row("def"))));
    addAggregationCases(cases);
    addLookupCases(cases);
    addJsonCases(cases);
    // UNNEST. Of the multi-value dim3 (MV_TO_ARRAY, as Druid requires): each value, and one null for a row without
    // values (Druid's CalciteArraysQueryTest#testUnnest; the same values as grouping on dim3, §7.5).
    cases.add(Arguments.of("SELECT d3 FROM $foo CROSS JOIN UNNEST(MV_TO_ARRAY(dim3)) AS t(d3)", false,
        rows(row("a"), row("b"), row("b"), row("c"), row("d"), row(""), row((Object) null), row((Object) null))));
    cases.add(Arguments.of("SELECT d3, COUNT(*) AS c FROM $foo, UNNEST(MV_TO_ARRAY(dim3)) AS t(d3) GROUP BY d3", false,
        rows(row(null, 2), row("", 1), row("a", 1), row("b", 2), row("c", 1), row("d", 1))));
    // Druid's MSQ test of SELECT dim1 FROM foo, UNNEST(MV_TO_ARRAY(dim3)) restricted to dim1 '10.1': b, c.
    cases.add(Arguments.of("SELECT dim1, d3 FROM $foo, UNNEST(MV_TO_ARRAY(dim3)) AS t(d3) WHERE dim1 = '10.1'", false,
        rows(row("10.1", "b"), row("10.1", "c"))));
    // An array built from each row's columns.
    cases.add(Arguments.of("SELECT dim1, x FROM $foo CROSS JOIN UNNEST(ARRAY[m1, m1 * 10]) AS t(x) WHERE m1 < 3",
        false, rows(row("", 1.0), row("", 10.0), row("10.1", 2.0), row("10.1", 20.0))));
    // An inline array: elements in order, nulls kept.
    cases.add(Arguments.of("SELECT x FROM UNNEST(ARRAY[3, 1, NULL, 2]) AS t(x)", true,
        rows(row(3), row(1), row((Object) null), row(2))));
    // GROUPING SETS / ROLLUP / CUBE with GROUPING(): per-set groups with the keys a set leaves out as null.
    // dim2 groups a 2, null 2, '' 1, abc 1 (Druid's testExactCountDistinctUsingSubquery above), 6 rows in all.
    cases.add(Arguments.of("SELECT dim2, COUNT(*) AS c, GROUPING(dim2) AS g FROM $foo GROUP BY ROLLUP(dim2)", false,
        rows(row("a", 2, 0), row(null, 2, 0), row("", 1, 0), row("abc", 1, 0), row(null, 6, 1))));
    cases.add(Arguments.of("SELECT dim2, cnt, SUM(m1) AS s, GROUPING(dim2, cnt) AS g FROM $foo WHERE m1 < 4"
        + " GROUP BY CUBE(dim2, cnt)", false,
        rows(row("a", 1, 1.0, 0), row(null, 1, 2.0, 0), row("", 1, 3.0, 0), row("a", null, 1.0, 1),
            row(null, null, 2.0, 1), row("", null, 3.0, 1), row(null, 1, 6.0, 2), row(null, null, 6.0, 3))));
    cases.add(Arguments.of("SELECT dim2, dim1, COUNT(*) AS c FROM $foo WHERE m1 < 3"
        + " GROUP BY GROUPING SETS ((dim2, dim1), (dim2), ())", false,
        rows(row("a", "", 1), row(null, "10.1", 1), row("a", null, 1), row(null, null, 1), row(null, null, 2))));
    // sqlTimeZone America/Los_Angeles (UTC-8 in January): a TIMESTAMP literal is LA time (2000-01-02 00:00 LA is
    // 08:00Z, so 4 of foo's UTC-midnight times are at or after it), TIME_FLOOR and EXTRACT work in LA time
    // (2000-01-01T00:00Z is 1999-12-31 16:00 in LA, whose day starts at 1999-12-31T08:00Z = 946627200000).
    cases.add(Arguments.of("/*la*/SELECT COUNT(*) AS n FROM $foo WHERE TIME_PARSE(t, NULL, 'UTC')"
        + " >= TIMESTAMP '2000-01-02 00:00:00'", true, rows(row(4))));
    cases.add(Arguments.of("/*la*/SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(TIME_PARSE(t, NULL, 'UTC'), 'P1D')) AS d,"
        + " EXTRACT(HOUR FROM TIME_PARSE(t, NULL, 'UTC')) AS h, TIMESTAMP_TO_MILLIS(TIME_PARSE(t)) AS parsed"
        + " FROM $foo WHERE m1 = 1", true, rows(row(946627200000L, 16, 946713600000L))));
    return cases;
  }

  /**
   * Druid's own aggregate functions over foo (which has no __time here, so EARLIEST/LATEST take
   * their time explicitly, TIME_PARSE(t)). Where Druid's tests ask the same of foo, the expected
   * values are theirs: CalciteQueryTest#testEarliestAggregators/#testLatestAggregators (EARLIEST of
   * cnt, m1, dim1, cnt + 1; LATEST of m1 and dim1; per dim2 #testPrimitiveLatestInSubqueryGroupBy),
   * #testAnyAggregator, CalciteArraysQueryTest#testArrayAgg (the DISTINCT array, sorted, and null for
   * a filter that matches nothing). The rest follow from foo's rows.
   */
  private static void addAggregationCases(List<Arguments> cases) {
    String time = "TIME_PARSE(t)";
    cases.add(Arguments.of("SELECT EARLIEST_BY(cnt, " + time + "), EARLIEST_BY(m1, " + time + "), EARLIEST_BY(dim1, "
        + time + ", 10), EARLIEST_BY(cnt + 1, " + time + "), EARLIEST_BY(dim1 || CAST(cnt AS VARCHAR), " + time
        + ", 10), LATEST_BY(m1, " + time + "), LATEST_BY(dim1, " + time + "), LATEST_BY(dim1 || CAST(cnt AS VARCHAR), "
        + time + ", 3) FROM $foo", true, rows(row(1, 1.0, "", 2, "1", 6.0, "abc", "abc"))));
    // Druid keeps the null value of the latest row (testLatestAggregatorsNumericNull) and skips rows
    // whose time is null (EARLIEST_BY over numfoo's l1, null in its last three rows).
    cases.add(Arguments.of("SELECT EARLIEST_BY(dim2, " + time + "), LATEST_BY(dim2, " + time + "),"
        + " EARLIEST_BY(dim1, CASE WHEN m1 > 2 THEN " + time + " END) FROM $foo", true, rows(row("a", null, "2"))));
    cases.add(Arguments.of("SELECT dim2, EARLIEST_BY(m1, " + time + ") AS e, LATEST_BY(m1, " + time + ") AS l"
        + " FROM $foo GROUP BY dim2", false, rows(row(null, 2.0, 6.0), row("", 3.0, 3.0), row("a", 1.0, 4.0),
        row("abc", 5.0, 5.0))));
    cases.add(Arguments.of("SELECT ANY_VALUE(cnt), ANY_VALUE(m1), ANY_VALUE(dim1, 10), ANY_VALUE(cnt + 1),"
        + " ANY_VALUE(dim1 || CAST(cnt AS VARCHAR), 10) FROM $foo", true, rows(row(1, 1.0, "", 2, "1"))));
    cases.add(Arguments.of("SELECT dim2, ANY_VALUE(dim1) FROM $foo GROUP BY dim2", false,
        rows(row(null, "10.1"), row("", "2"), row("a", ""), row("abc", "def"))));
    cases.add(Arguments.of("SELECT ARRAY_AGG(DISTINCT dim1), ARRAY_AGG(DISTINCT dim2),"
        + " ARRAY_AGG(DISTINCT dim1) FILTER (WHERE dim1 = 'shazbot'), ARRAY_AGG(DISTINCT cnt) FROM $foo", true,
        rows(row(List.of("", "1", "10.1", "2", "abc", "def"), Arrays.asList(null, "", "a", "abc"), null, List.of(1)))));
    // Non-DISTINCT collections keep arrival order, which only equal values make the same everywhere.
    cases.add(Arguments.of("SELECT dim2, ARRAY_AGG(dim2) AS a, STRING_AGG(dim2, '|') AS s, LISTAGG(dim2) AS l"
        + " FROM $foo GROUP BY dim2", false, rows(row(null, Arrays.asList(null, null), null, null),
        row("", List.of(""), "", ""), row("a", List.of("a", "a"), "a|a", "aa"),
        row("abc", List.of("abc"), "abc", "abc"))));
    cases.add(Arguments.of("SELECT STRING_AGG(DISTINCT dim1, ','), STRING_AGG(DISTINCT dim2, '|', 100),"
        + " STRING_AGG(dim1, ',') FILTER (WHERE m1 > 10) FROM $foo", true,
        rows(row(",1,10.1,2,abc,def", "|a|abc", null))));
    // ARRAY_CONCAT_AGG (Druid's docs): the elements of every non-null array, nulls among them kept; DISTINCT sorted.
    cases.add(Arguments.of("SELECT ARRAY_CONCAT_AGG(DISTINCT ARRAY[dim1, dim2]),"
        + " ARRAY_CONCAT_AGG(CASE WHEN m1 > 5 THEN ARRAY[dim1, dim2] END),"
        + " ARRAY_CONCAT_AGG(ARRAY[m1, m1 * 2], 100) FILTER (WHERE dim1 = 'def') FROM $foo", true,
        rows(row(Arrays.asList(null, "", "1", "10.1", "2", "a", "abc", "def"), Arrays.asList("abc", null),
            List.of(5.0, 10.0)))));
    // Exact distinct counts do not change how DISTINCT collections are made (Druid expands only COUNT).
    cases.add(Arguments.of("/*exact*/SELECT ARRAY_AGG(DISTINCT dim2), STRING_AGG(DISTINCT dim1, ','), COUNT(*)"
        + " FROM $foo", true, rows(row(Arrays.asList(null, "", "a", "abc"), ",1,10.1,2,abc,def", 6))));
    // AVG is SUM / COUNT (of longs, a long division: 6 / 6); FILTER applies to one aggregate only.
    cases.add(Arguments.of("SELECT AVG(m1), AVG(cnt), SUM(m1) FILTER (WHERE dim2 = 'a'),"
        + " COUNT(*) FILTER (WHERE m1 > 3), AVG(m1) FILTER (WHERE dim2 IS NULL) FROM $foo", true,
        rows(row(3.5, 1, 5.0, 3, 4.0))));
    cases.add(Arguments.of("SELECT dim2, AVG(m1) AS a, MAX(m1) FILTER (WHERE dim1 <> '') AS m FROM $foo GROUP BY dim2",
        false, rows(row(null, 4.0, 6.0), row("", 3.0, 3.0), row("a", 2.5, 4.0), row("abc", 5.0, 5.0))));
  }

  /**
   * {@code COMPLEX<json>} columns ({@code $obj}). Sorting and grouping on them are Druid's MSQComplexGroupByTest
   * (testSortingOnNestedData's order, Druid's nested-data comparator; seven distinct obj values and one cObj);
   * the JSON function results follow from the objects as Druid's sql-json-functions reference defines them
   * (y is 1.1 in the objects with a 100, 200, 400, 600 and 700, missing in 300 and 500).
   */
  private static void addJsonCases(List<Arguments> cases) {
    List<List<Object>> sorted = new ArrayList<>();
    for (int i : List.of(5, 1, 3, 4, 6, 0, 2)) {
      sorted.add(row(json(OBJECTS.get(i))));
    }
    cases.add(Arguments.of("SELECT obj FROM $obj ORDER BY obj", true, sorted));
    cases.add(Arguments.of("/*exact*/SELECT COUNT(DISTINCT obj), COUNT(DISTINCT cObj) FROM $obj", true,
        rows(row(7, 1))));
    cases.add(Arguments.of("SELECT cObj, COUNT(*) AS c FROM $obj GROUP BY cObj", true,
        rows(row(json("{\"x\":1,\"y\":\"hello\"}"), 7))));
    cases.add(Arguments.of("SELECT JSON_VALUE(obj, '$.b.x'), JSON_QUERY(obj, '$.b.z'), JSON_KEYS(obj, '$'),"
        + " JSON_VALUE(obj, '$.b.y' RETURNING DOUBLE), JSON_OBJECT(KEY 'v' VALUE JSON_QUERY(obj, '$.v'))"
        + " FROM $obj WHERE JSON_VALUE(obj, '$.a' RETURNING BIGINT) = 500", true,
        rows(row("e", List.of(1, 2, 3, 4), List.of("a", "b", "c", "v"), null, json("{\"v\":\"a\"}")))));
    cases.add(Arguments.of("SELECT JSON_VALUE(obj, '$.b.y') AS y, SUM(JSON_VALUE(obj, '$.a' RETURNING BIGINT)) AS s"
        + " FROM $obj GROUP BY 1", false, rows(row("1.1", 2000), row(null, 800))));
  }

  /**
   * Druid's lookup {@code lookyloo} (its CalciteTests map, {@link #CATALOG}) through LOOKUP and the
   * {@code lookup} schema, with the rows of Druid's CalciteLookupFunctionQueryTest
   * #testLookupReplaceMissingValueWith and CalciteJoinQueryTest's LEFT JOIN of foo to lookyloo twice.
   */
  private static void addLookupCases(List<Arguments> cases) {
    cases.add(Arguments.of("SELECT LOOKUP(dim1, 'lookyloo', 'Missing_Value') AS a,"
        + " COALESCE(LOOKUP(dim1, 'lookyloo'), 'Missing_Value') AS b, LOOKUP(dim1, 'lookyloo', null) AS c,"
        + " COUNT(*) AS n FROM $foo GROUP BY 1, 2, 3", false,
        rows(row("Missing_Value", "Missing_Value", null, 5), row("xabc", "xabc", "xabc", 1))));
    cases.add(Arguments.of("SELECT dim1, dim2, l1.v, l2.v FROM $foo LEFT JOIN lookup.lookyloo l1 ON dim1 = l1.k"
        + " LEFT JOIN lookup.lookyloo l2 ON dim2 = l2.k", false,
        rows(row("", "a", null, "xa"), row("10.1", null, null, null), row("2", "", null, null),
            row("1", "a", null, "xa"), row("def", "abc", null, "xabc"), row("abc", null, "xabc", null))));
  }

  private static Object json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @SafeVarargs
  static List<List<Object>> rows(List<Object>... rows) {
    return List.of(rows);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void returnsTheRowsTheDataHolds(String sql, boolean ordered, List<List<Object>> expected) throws Exception {
    // A case marked /*sortMerge*/ runs with sqlJoinAlgorithm sortMerge, /*exact*/ with exact distinct counts,
    // /*la*/ with sqlTimeZone America/Los_Angeles, /*unfinalized*/ with finalizeAggregations false.
    Map<String, Object> context = sql.startsWith("/*sortMerge*/") ? Map.of("sqlJoinAlgorithm", "sortMerge")
        : sql.startsWith("/*exact*/") ? Map.of("useApproximateCountDistinct", false)
        : sql.startsWith("/*la*/") ? Map.of("sqlTimeZone", "America/Los_Angeles")
        : sql.startsWith("/*unfinalized*/") ? Map.of("finalizeAggregations", false) : Map.of();
    List<List<Object>> rows = run(sql.replace("$foo", FOO).replace("$obj", OBJ), context);

    if (ordered) {
      assertThat(rows).containsExactlyElementsOf(expected);
    } else {
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void failsWithBroadcastTablesTooLargeWhenTheBroadcastSideOutgrowsItsBound() throws Exception {
    RunningJob job = submit("SELECT a.dim1, b.m1 FROM " + FOO + " a INNER JOIN " + FOO + " b ON a.dim2 = b.dim2",
        Map.of("maxBroadcastTablesSize", 100));

    assertThat(job.await(DEADLINE)).isEqualTo(JobState.FAILED);
    Fault fault = FaultException.find(job.failure());
    assertThat(fault).as("fault in %s", job.failure()).isNotNull();
    assertThat(fault.errorCode()).isEqualTo("BroadcastTablesTooLarge");
    assertThat(fault.fields()).containsEntry("maxBroadcastTablesSize", 100L);
  }

  @Test
  void failsWhenAnArrayAggregationOutgrowsItsSize() throws Exception {
    // foo's dim1 values as Druid sizes ARRAY<STRING>: 5 bytes, then 5 for '' and 5 + length for each other.
    RunningJob job = submit("SELECT ARRAY_AGG(dim1, 20) FROM " + FOO, Map.of());

    assertThat(job.await(DEADLINE)).isEqualTo(JobState.FAILED);
    assertThat(rootMessage(job.failure()))
        .startsWith("Exceeded memory usage when aggregating type [ARRAY<STRING>], size [")
        .endsWith("] is larger than max [20]");
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private RunningJob submit(String sql, Map<String, Object> context) {
    QueryPlan plan = new StatementPlanner(CATALOG)
        .plan(sql, context, "query-" + runner().name(), "2024-02-01T00:00:00.000Z").plan();
    return runner().submit(plan, new PipelineSettings(dir.resolve("out").toString(),
        dir.resolve("work").toString(), dir.resolve("deep").toString()));
  }

  protected List<List<Object>> run(String sql, Map<String, Object> context) throws InterruptedException {
    RunningJob job = submit(sql, context);
    assertThat(job.await(DEADLINE)).as("%s failed: %s", runner().name(), job.failure()).isEqualTo(JobState.SUCCEEDED);
    List<List<Object>> rows = new ArrayList<>();
    JobOutputs.readResults(dir.resolve("out"), rows::add);
    return rows;
  }
}
