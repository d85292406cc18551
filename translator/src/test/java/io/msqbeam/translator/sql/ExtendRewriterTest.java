package io.msqbeam.translator.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.parser.DruidSqlInsert;
import io.msqbeam.translator.parser.DruidSqlParser;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

class ExtendRewriterTest {
  @Test
  void movesTheColumnListIntoTheCallOfAnInsertSource() {
    SqlNode statement = DruidSqlParser.parse("INSERT INTO dst SELECT * FROM TABLE(inline(data => ARRAY['a'],"
        + " format => 'csv')) EXTEND (x VARCHAR, n BIGINT) PARTITIONED BY ALL TIME");
    SqlNode rewritten = ExtendRewriter.rewrite(statement);
    assertThat(rewritten).isInstanceOf(DruidSqlInsert.class);
    String sql = rewritten.toString();
    assertThat(sql).doesNotContain("EXTEND")
        .contains("`signature` => '[{\"name\":\"x\",\"type\":\"STRING\"},{\"name\":\"n\",\"type\":\"LONG\"}]'")
        .contains("PARTITIONED BY ALL");
  }

  @Test
  void appendsPositionallyToAPositionalCall() {
    String sql = ExtendRewriter.rewrite(DruidSqlParser.parse(
        "SELECT * FROM TABLE(EXTERN('{}', '{}')) (x VARCHAR) AS t JOIN TABLE(EXTERN('{}', '{}')) (y DOUBLE) AS u"
            + " ON t.x = u.y")).toString();
    assertThat(sql).contains("`EXTERN`('{}', '{}', '[{\"name\":\"x\",\"type\":\"STRING\"}]')")
        .contains("`EXTERN`('{}', '{}', '[{\"name\":\"y\",\"type\":\"DOUBLE\"}]')");
  }

  @Test
  void readsDruidsTypeSyntaxForJsonColumns() {
    // Druid's grammar: TYPE('COMPLEX<json>') names a native type by a string (druid-behaviour §1.7).
    String sql = ExtendRewriter.rewrite(DruidSqlParser.parse(
        "SELECT * FROM TABLE(EXTERN('{}', '{}')) EXTEND (obj TYPE('COMPLEX<json>'))")).toString();
    assertThat(sql).contains("`EXTERN`('{}', '{}', '[{\"name\":\"obj\",\"type\":\"COMPLEX<json>\"}]')");
  }

  @Test
  void leavesStatementsWithoutExtendAlone() {
    String before = DruidSqlParser.parse("SELECT a FROM t WHERE b IN (SELECT c FROM u)").toString();
    assertThat(ExtendRewriter.rewrite(DruidSqlParser.parse("SELECT a FROM t WHERE b IN (SELECT c FROM u)"))
        .toString()).isEqualTo(before);
  }
}
