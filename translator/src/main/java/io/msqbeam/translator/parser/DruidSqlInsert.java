package io.msqbeam.translator.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Druid's {@code INSERT INTO <table> <query> [PARTITIONED BY <granularity>] [CLUSTERED BY <items>]},
 * which appends to a datasource.
 *
 * <p>Operands: keywords, target table, source, column list (Calcite's), then partitioned-by and
 * clustered-by. A missing {@code PARTITIONED BY} is allowed here and rejected by validation.
 */
public final class DruidSqlInsert extends DruidSqlIngest {
  public static final SqlOperator OPERATOR = new SqlSpecialOperator("INSERT", SqlKind.INSERT) {
    @Override
    public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
      return new DruidSqlInsert(pos, (SqlNodeList) operands[0], operands[1], operands[2],
          (SqlNodeList) operands[3], operands[4], (SqlNodeList) operands[5]);
    }
  };

  public DruidSqlInsert(
      SqlParserPos pos,
      SqlNodeList keywords,
      SqlNode targetTable,
      SqlNode source,
      @Nullable SqlNodeList columnList,
      @Nullable SqlNode partitionedBy,
      @Nullable SqlNodeList clusteredBy) {
    super(pos, keywords, targetTable, source, columnList, partitionedBy, clusteredBy);
  }

  /** Wraps the INSERT that Calcite's grammar parsed, adding the Druid clauses that followed it. */
  public DruidSqlInsert(SqlInsert insert, @Nullable SqlNode partitionedBy, @Nullable SqlNodeList clusteredBy) {
    this(insert.getParserPosition(), (SqlNodeList) insert.getOperandList().get(0), insert.getTargetTable(),
        insert.getSource(), insert.getTargetColumnList(), partitionedBy, clusteredBy);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(getKeywords(), getTargetTable(), getSource(), getTargetColumnList(),
        getPartitionedBy(), getClusteredBy());
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    super.unparse(writer, leftPrec, rightPrec);
    unparseIngestClauses(writer);
  }
}
