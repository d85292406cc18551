package io.msqbeam.translator.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.error.DruidException;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;
import org.junit.jupiter.api.Test;

class DruidSqlParserTest {
  private static final String EXTERN =
      "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"a\"}', '{\"type\":\"csv\"}', '[{\"name\":\"x\",\"type\":\"string\"}]'))";

  @Test
  void parsesInsertWithPartitionedByDayAndClusteredBy() {
    DruidSqlInsert insert = parse(
        "INSERT INTO dst SELECT __time, dim1, m1 FROM foo PARTITIONED BY DAY CLUSTERED BY dim1, 3", DruidSqlInsert.class);

    assertThat(insert.getTargetTable()).hasToString("dst");
    assertThat(insert.getSource()).isInstanceOf(SqlSelect.class);
    assertThat(insert.getPartitionedBy()).isInstanceOf(SqlLiteral.class);
    assertThat(((SqlLiteral) insert.getPartitionedBy()).getValue()).isEqualTo(GranularityKeyword.DAY);
    assertThat(insert.getClusteredBy()).extracting(SqlNode::toString).containsExactly("dim1", "3");
    assertThat(insert.getKind()).isEqualTo(SqlKind.INSERT);
  }

  @Test
  void keepsDescendingClusteredByForValidationToReject() {
    DruidSqlInsert insert = parse("INSERT INTO dst SELECT * FROM foo PARTITIONED BY ALL CLUSTERED BY dim1 DESC",
        DruidSqlInsert.class);

    assertThat(insert.getClusteredBy().get(0).getKind()).isEqualTo(SqlKind.DESCENDING);
  }

  @Test
  void parsesInsertWithoutPartitionedByLeavingItNull() {
    DruidSqlInsert insert = parse("INSERT INTO dst SELECT * FROM foo", DruidSqlInsert.class);

    assertThat(insert.getPartitionedBy()).isNull();
    assertThat(insert.getClusteredBy()).isNull();
  }

  @Test
  void parsesInsertFromExternWithStringGranularity() {
    DruidSqlInsert insert = parse("INSERT INTO w SELECT * FROM " + EXTERN + " PARTITIONED BY 'PT1H'", DruidSqlInsert.class);

    assertThat(insert.getPartitionedBy()).hasToString("'PT1H'");
    assertThat(((SqlSelect) insert.getSource()).getFrom()).isInstanceOf(SqlBasicCall.class);
  }

  @Test
  void parsesInsertWithTargetColumnListForValidationToReject() {
    DruidSqlInsert insert = parse("INSERT INTO dst (foo, bar) SELECT dim1, dim2 FROM foo PARTITIONED BY ALL TIME",
        DruidSqlInsert.class);

    assertThat(insert.getTargetColumnList()).hasSize(2);
  }

  @Test
  void keepsOrderByLimitAndOffsetInsideTheIngestedQuery() {
    DruidSqlInsert insert = parse("INSERT INTO dst SELECT * FROM foo ORDER BY dim1 LIMIT 10 OFFSET 5 PARTITIONED BY HOUR",
        DruidSqlInsert.class);

    SqlOrderBy orderBy = (SqlOrderBy) insert.getSource();
    assertThat(orderBy.orderList).hasSize(1);
    assertThat(orderBy.fetch).hasToString("10");
    assertThat(orderBy.offset).hasToString("5");
  }

  @Test
  void parsesReplaceOverwriteAll() {
    DruidSqlReplace replace = parse(
        "REPLACE INTO dst OVERWRITE ALL SELECT * FROM foo PARTITIONED BY ALL TIME CLUSTERED BY dim1", DruidSqlReplace.class);

    assertThat(replace.isOverwriteAll()).isTrue();
    assertThat(replace.getOverwriteWhere()).isNull();
    assertThat(((SqlLiteral) replace.getPartitionedBy()).getValue()).isEqualTo(GranularityKeyword.ALL_TIME);
    assertThat(replace.getClusteredBy()).hasSize(1);
  }

  @Test
  void parsesReplaceOverwriteWhere() {
    DruidSqlReplace replace = parse("REPLACE INTO dst OVERWRITE WHERE __time >= TIMESTAMP '2000-01-01 00:00:00'"
        + " AND __time < TIMESTAMP '2000-01-02 00:00:00' SELECT * FROM foo PARTITIONED BY DAY", DruidSqlReplace.class);

    assertThat(replace.isOverwriteAll()).isFalse();
    assertThat(replace.getOverwriteWhere()).isNotNull();
    assertThat(replace.getOverwriteWhere().getKind()).isEqualTo(SqlKind.AND);
    assertThat(replace.getTargetTable()).hasToString("dst");
  }

  @Test
  void parsesReplaceWithoutOverwriteForValidationToReject() {
    DruidSqlReplace replace = parse("REPLACE INTO dst SELECT * FROM foo PARTITIONED BY DAY", DruidSqlReplace.class);

    assertThat(replace.isOverwriteAll()).isFalse();
    assertThat(replace.getOverwriteWhere()).isNull();
  }

  @Test
  void parsesBareOverwriteForValidationToReject() {
    DruidSqlReplace replace = parse("REPLACE INTO dst OVERWRITE SELECT * FROM foo PARTITIONED BY DAY", DruidSqlReplace.class);

    assertThat(replace.isOverwriteAll()).isFalse();
    assertThat(replace.getOverwriteWhere()).isNull();
  }

  @Test
  void unparsesIngestStatementsWithTheirDruidClauses() {
    assertThat(DruidSqlParser.parse("REPLACE INTO dst OVERWRITE ALL SELECT * FROM foo PARTITIONED BY ALL TIME"
        + " CLUSTERED BY dim1").toString().replace('\n', ' '))
        .isEqualTo("REPLACE INTO `dst` OVERWRITE ALL SELECT * FROM `foo` PARTITIONED BY ALL TIME CLUSTERED BY `dim1`");
    assertThat(DruidSqlParser.parse("INSERT INTO dst SELECT * FROM foo PARTITIONED BY FLOOR(__time TO DAY)").toString()
        .replace('\n', ' '))
        .isEqualTo("INSERT INTO `dst` SELECT * FROM `foo` PARTITIONED BY FLOOR(`__time` TO DAY)");
  }

  @Test
  void shuttleCopiesKeepTheDruidClauses() {
    DruidSqlReplace replace = parse("REPLACE INTO dst OVERWRITE WHERE __time < TIMESTAMP '2000-01-01 00:00:00'"
        + " SELECT * FROM foo PARTITIONED BY DAY CLUSTERED BY dim1", DruidSqlReplace.class);

    SqlNode copy = replace.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        return new SqlIdentifier(id.names, id.getParserPosition());
      }
    });

    assertThat(copy).isInstanceOf(DruidSqlReplace.class).isNotSameAs(replace);
    DruidSqlReplace copied = (DruidSqlReplace) copy;
    assertThat(copied.getOverwriteWhere()).hasToString(replace.getOverwriteWhere().toString());
    assertThat(copied.getPartitionedBy()).hasToString("DAY");
    assertThat(copied.getClusteredBy()).hasSize(1);
  }

  @Test
  void parsesExplainOfAnInsert() {
    SqlExplain explain = parse("EXPLAIN PLAN FOR INSERT INTO dst SELECT * FROM foo PARTITIONED BY DAY", SqlExplain.class);

    assertThat(explain.getExplicandum()).isInstanceOf(DruidSqlInsert.class);
  }

  @Test
  void parsesExternWithNamedArgumentsAndExtend() {
    SqlSelect select = parse("SELECT * FROM TABLE(EXTERN(inputSource => '{}', inputFormat => '{}'))"
        + " EXTEND (x VARCHAR, y BIGINT)", SqlSelect.class);

    assertThat(select.getFrom().getKind()).isEqualTo(SqlKind.EXTEND);
  }

  @Test
  void parsesTableFunctionWithColumnListWithoutExtendKeyword() {
    SqlSelect select = parse("SELECT * FROM TABLE(inline(data => ARRAY['a,b'], format => 'csv')) (x VARCHAR, y VARCHAR) t",
        SqlSelect.class);

    assertThat(select.getFrom().getKind()).isEqualTo(SqlKind.AS);
    assertThat(((SqlBasicCall) select.getFrom()).operand(0).getKind()).isEqualTo(SqlKind.EXTEND);
  }

  @Test
  void stillParsesStandardSql() {
    assertThat(DruidSqlParser.parse("SELECT dim1, COUNT(*) FROM foo WHERE m1 != 1 GROUP BY 1 HAVING COUNT(*) > 1"))
        .isInstanceOf(SqlSelect.class);
    assertThat(DruidSqlParser.parse("WITH x AS (SELECT * FROM foo) SELECT * FROM x a JOIN bar b ON a.k = b.k"
        + " ORDER BY a.k DESC LIMIT 3")).isInstanceOf(SqlOrderBy.class);
    assertThat(DruidSqlParser.parse("SELECT * FROM foo UNION ALL SELECT * FROM bar").getKind()).isEqualTo(SqlKind.UNION);
    assertThat(DruidSqlParser.parse("SELECT REPLACE(dim1, 'a', 'b') AS overwrite FROM foo")).isInstanceOf(SqlSelect.class);
    assertThat(DruidSqlParser.parse("SELECT * FROM " + EXTERN)).isInstanceOf(SqlSelect.class);
    assertThat(DruidSqlParser.parse("EXPLAIN PLAN FOR SELECT 1")).isInstanceOf(SqlExplain.class);
  }

  @Test
  void keepsIdentifierCaseAndUsesDoubleQuotes() {
    SqlSelect select = parse("SELECT \"Dim1\", dim2 FROM \"wiki pedia\"", SqlSelect.class);

    assertThat(select.getSelectList()).extracting(SqlNode::toString).containsExactly("Dim1", "dim2");
    assertThat(select.getFrom()).hasToString("wiki pedia");
  }

  @Test
  void requiresPartitionedToBeQuotedAsAnIdentifier() {
    assertThatThrownBy(() -> DruidSqlParser.parse("SELECT partitioned FROM foo"))
        .isInstanceOf(DruidException.class)
        .hasMessageStartingWith("Received an unexpected token [partitioned] (line [1], column [8])");
    assertThatThrownBy(() -> DruidSqlParser.parse("SELECT clustered FROM foo"))
        .isInstanceOf(DruidException.class);
    assertThat(parse("SELECT \"PARTITIONED\", \"CLUSTERED\" FROM foo", SqlSelect.class).getSelectList()).hasSize(2);
  }

  @Test
  void rejectsClusteredByBeforePartitionedBy() {
    assertThatThrownBy(() -> DruidSqlParser.parse("INSERT INTO dst SELECT * FROM foo CLUSTERED BY dim1 PARTITIONED BY DAY"))
        .isInstanceOfSatisfying(DruidException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(
              "CLUSTERED BY found before PARTITIONED BY, CLUSTERED BY must come after the PARTITIONED BY clause");
          assertThat(e.errorCode()).isEqualTo("invalidInput");
          assertThat(e.context()).isEqualTo(Map.of("sourceType", "sql"));
        });
  }

  @Test
  void rejectsClusteredByWithoutPartitionedBy() {
    assertThatThrownBy(() -> DruidSqlParser.parse("REPLACE INTO dst OVERWRITE ALL SELECT * FROM foo CLUSTERED BY dim1"))
        .isInstanceOf(DruidException.class)
        .hasMessage("CLUSTERED BY found before PARTITIONED BY, CLUSTERED BY must come after the PARTITIONED BY clause");
  }

  @Test
  void reportsSelectTypoAsNonQueryExpression() {
    assertThatThrownBy(() -> DruidSqlParser.parse("SELEC channel FROM wikipedia"))
        .isInstanceOfSatisfying(DruidException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("Non-query expression encountered in illegal context");
          assertThat(e.errorCode()).isEqualTo("invalidInput");
          assertThat(e.category().httpStatus()).isEqualTo(400);
          assertThat(e.context()).isEqualTo(Map.of("sourceType", "sql"));
        });
  }

  @Test
  void reportsEmptyQueryAsUnexpectedEndOfInput() {
    assertThatThrownBy(() -> DruidSqlParser.parse(""))
        .isInstanceOfSatisfying(DruidException.class, e -> {
          assertThat(e.getMessage())
              .startsWith("Received an unexpected token [<EOF>] (line [0], column [0]), acceptable options: [")
              .contains("\"INSERT\"", "\"SELECT\"", "<QUOTED_IDENTIFIER>");
          assertThat(e.context()).containsEntry("sourceType", "sql").containsEntry("line", "0")
              .containsEntry("column", "0").containsEntry("token", "<EOF>").containsKey("expected");
        });
  }

  @Test
  void reportsMisplacedKeywordWithCalcitesWording() {
    assertThatThrownBy(() -> DruidSqlParser.parse("FROM druid.foo"))
        .isInstanceOfSatisfying(DruidException.class, e -> {
          assertThat(e.getMessage()).contains("Incorrect syntax near the keyword 'FROM' at line 1, column 1");
          assertThat(e.context()).isEqualTo(Map.of("sourceType", "sql"));
        });
  }

  @Test
  void rejectsSecondAsABarePartitionedByKeyword() {
    assertThatThrownBy(() -> DruidSqlParser.parse("INSERT INTO dst SELECT * FROM foo PARTITIONED BY SECOND"))
        .isInstanceOf(DruidException.class)
        .hasMessageContaining("Incorrect syntax near the keyword 'SECOND'");
  }

  @Test
  void rejectsTrailingSemicolonAsDruid33Does() {
    assertThatThrownBy(() -> DruidSqlParser.parse("SELECT 1;"))
        .isInstanceOf(DruidException.class)
        .hasMessageStartingWith("Received an unexpected token [;] (line [1], column [9])");
  }

  private static <T extends SqlNode> T parse(String sql, Class<T> type) {
    SqlNode node = DruidSqlParser.parse(sql);
    assertThat(node).isInstanceOf(type);
    return type.cast(node);
  }
}
