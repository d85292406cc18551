package io.msqbeam.translator.parser;

import io.msqbeam.translator.error.InvalidSqlInput;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An ingestion statement ({@link DruidSqlInsert} or {@link DruidSqlReplace}): Calcite's INSERT plus
 * Druid's {@code PARTITIONED BY} and {@code CLUSTERED BY} clauses.
 *
 * <p>It stays a {@link SqlInsert} so Calcite's validator handles the target and the source query as
 * usual; the Druid clauses are extra operands (indexes 4 and 5) so that shuttles copy them along.
 * Both clauses are kept as parsed: {@link PartitionGranularity#fromSqlNode} and the validator
 * decide what they mean, so they can answer with Druid's messages.
 */
public abstract class DruidSqlIngest extends SqlInsert {
  static final String CLUSTERED_BEFORE_PARTITIONED =
      "CLUSTERED BY found before PARTITIONED BY, CLUSTERED BY must come after the PARTITIONED BY clause";

  private @Nullable SqlNode partitionedBy;
  private @Nullable SqlNodeList clusteredBy;

  protected DruidSqlIngest(
      SqlParserPos pos,
      SqlNodeList keywords,
      SqlNode targetTable,
      SqlNode source,
      @Nullable SqlNodeList columnList,
      @Nullable SqlNode partitionedBy,
      @Nullable SqlNodeList clusteredBy) {
    super(pos, keywords, targetTable, source, columnList);
    this.partitionedBy = partitionedBy;
    this.clusteredBy = clusteredBy;
  }

  /**
   * Called by the grammar once both optional clauses are read: Druid treats a {@code CLUSTERED BY}
   * without a preceding {@code PARTITIONED BY} (missing, or written after it) as a parse error.
   */
  public static void requirePartitionedByBeforeClusteredBy(
      @Nullable SqlNode partitionedBy, @Nullable SqlNodeList clusteredBy) {
    if (clusteredBy != null && partitionedBy == null) {
      throw InvalidSqlInput.exception(CLUSTERED_BEFORE_PARTITIONED);
    }
  }

  /** The {@code PARTITIONED BY} argument as parsed, or null when the clause is absent. */
  public @Nullable SqlNode getPartitionedBy() {
    return partitionedBy;
  }

  /** The {@code CLUSTERED BY} items as parsed (possibly with {@code DESC}), or null when absent. */
  public @Nullable SqlNodeList getClusteredBy() {
    return clusteredBy;
  }

  /** The statement's INSERT keywords (e.g. UPSERT); empty for a plain INSERT and for REPLACE. */
  public SqlNodeList getKeywords() {
    return (SqlNodeList) super.getOperandList().get(0);
  }

  @Override
  public void setOperand(int i, @Nullable SqlNode operand) {
    switch (i) {
      case 4 -> partitionedBy = operand;
      case 5 -> clusteredBy = (SqlNodeList) operand;
      default -> super.setOperand(i, operand);
    }
  }

  /** Writes the {@code PARTITIONED BY} and {@code CLUSTERED BY} clauses after the source query. */
  protected void unparseIngestClauses(SqlWriter writer) {
    if (partitionedBy != null) {
      writer.keyword("PARTITIONED BY");
      partitionedBy.unparse(writer, 0, 0);
    }
    if (clusteredBy != null) {
      writer.keyword("CLUSTERED BY");
      SqlWriter.Frame frame = writer.startList("", "");
      for (SqlNode item : clusteredBy) {
        writer.sep(",");
        item.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }
}
