package io.msqbeam.translator.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
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
 * Druid's {@code REPLACE INTO <table> OVERWRITE {ALL | WHERE <condition>} <query> PARTITIONED BY …
 * [CLUSTERED BY …]}, which replaces the time chunks the OVERWRITE clause names.
 *
 * <p>It is a {@link org.apache.calcite.sql.SqlInsert} of kind INSERT so Calcite validates the
 * target and source as for an insert. The OVERWRITE clause may be absent (or bare
 * {@code OVERWRITE}): then {@link #isOverwriteAll()} is false and {@link #getOverwriteWhere()}
 * null, and validation reports Druid's "Missing time chunk information" message.
 *
 * <p>Operands: Calcite's four, partitioned-by, clustered-by, the OVERWRITE WHERE condition and a
 * boolean literal for OVERWRITE ALL.
 */
public final class DruidSqlReplace extends DruidSqlIngest {
  public static final SqlOperator OPERATOR = new SqlSpecialOperator("REPLACE", SqlKind.INSERT) {
    @Override
    public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
      SqlLiteral overwriteAll = (SqlLiteral) operands[7];
      return new DruidSqlReplace(pos, operands[1], operands[2], (SqlNodeList) operands[3],
          overwriteAll != null && overwriteAll.booleanValue(), operands[6], operands[4], (SqlNodeList) operands[5]);
    }
  };

  private final boolean overwriteAll;
  private @Nullable SqlNode overwriteWhere;

  public DruidSqlReplace(
      SqlParserPos pos,
      SqlNode targetTable,
      SqlNode source,
      @Nullable SqlNodeList columnList,
      boolean overwriteAll,
      @Nullable SqlNode overwriteWhere,
      @Nullable SqlNode partitionedBy,
      @Nullable SqlNodeList clusteredBy) {
    super(pos, SqlNodeList.EMPTY, targetTable, source, columnList, partitionedBy, clusteredBy);
    if (overwriteAll && overwriteWhere != null) {
      throw new IllegalArgumentException("OVERWRITE is either ALL or WHERE, not both");
    }
    this.overwriteAll = overwriteAll;
    this.overwriteWhere = overwriteWhere;
  }

  /** True for {@code OVERWRITE ALL}: every existing time chunk is replaced. */
  public boolean isOverwriteAll() {
    return overwriteAll;
  }

  /** The condition of {@code OVERWRITE WHERE}, as parsed; null for OVERWRITE ALL or no OVERWRITE clause. */
  public @Nullable SqlNode getOverwriteWhere() {
    return overwriteWhere;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(getKeywords(), getTargetTable(), getSource(), getTargetColumnList(),
        getPartitionedBy(), getClusteredBy(), overwriteWhere, SqlLiteral.createBoolean(overwriteAll, SqlParserPos.ZERO));
  }

  @Override
  public void setOperand(int i, @Nullable SqlNode operand) {
    switch (i) {
      case 6 -> overwriteWhere = operand;
      case 7 -> throw new UnsupportedOperationException("OVERWRITE ALL is fixed when the statement is built");
      default -> super.setOperand(i, operand);
    }
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
    writer.sep("REPLACE INTO");
    int opLeft = getOperator().getLeftPrec();
    int opRight = getOperator().getRightPrec();
    getTargetTable().unparse(writer, opLeft, opRight);
    SqlNodeList columns = getTargetColumnList();
    if (columns != null) {
      columns.unparse(writer, opLeft, opRight);
    }
    if (overwriteAll) {
      writer.keyword("OVERWRITE ALL");
    } else if (overwriteWhere != null) {
      writer.keyword("OVERWRITE WHERE");
      overwriteWhere.unparse(writer, 0, 0);
    }
    writer.newlineAndIndent();
    getSource().unparse(writer, 0, 0);
    unparseIngestClauses(writer);
    writer.endList(frame);
  }
}
