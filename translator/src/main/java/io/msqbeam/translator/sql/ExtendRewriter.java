package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.PlanJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Moves the column list of {@code TABLE(fn(args)) [EXTEND] (col TYPE, …)} into the call, so the
 * validator sees a plain table function: the node becomes {@code TABLE(fn(args, signature => '<json>'))}
 * (positionally for a positional EXTERN call). Calcite's validator ignores an EXTEND list on a table
 * function, and Druid does the same move in its own EXTEND operator. Run it on the parsed statement
 * before validation; the tree is changed in place and returned.
 */
public final class ExtendRewriter {
  static final String SIGNATURE = "signature";

  private ExtendRewriter() {}

  public static SqlNode rewrite(SqlNode statement) {
    if (isExtendedTableFunction(statement)) {
      return rewriteExtend((SqlCall) statement);
    }
    statement.accept(new Visitor());
    return statement;
  }

  private static boolean isExtendedTableFunction(SqlNode node) {
    return node != null && node.getKind() == SqlKind.EXTEND
        && ((SqlCall) node).operand(0).getKind() == SqlKind.COLLECTION_TABLE;
  }

  private static SqlNode rewriteExtend(SqlCall extend) {
    SqlCall table = extend.operand(0);
    SqlNode function = table.operand(0);
    if (!(function instanceof SqlBasicCall call)) {
      throw ExternalErrors.noExtend(function.toString());
    }
    String json = PlanJson.toJson(ExtendSchema.of(extend.operand(1)));
    SqlLiteral literal = SqlLiteral.createCharString(json, extend.operand(1).getParserPosition());
    List<SqlNode> operands = new ArrayList<>(call.getOperandList());
    boolean named = !operands.isEmpty() && operands.get(0).getKind() == SqlKind.ARGUMENT_ASSIGNMENT;
    boolean isExtern = call.getOperator().getName().toUpperCase(Locale.ROOT).equals("EXTERN");
    if (isExtern && (named ? hasArgument(operands, SIGNATURE) : operands.size() >= 3)) {
      throw ExternalErrors.signatureAndExtend();
    }
    operands.add(named
        ? SqlStdOperatorTable.ARGUMENT_ASSIGNMENT.createCall(literal.getParserPosition(), literal,
            new SqlIdentifier(SIGNATURE, literal.getParserPosition()))
        : literal);
    SqlCall extended = call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(),
        operands.toArray(SqlNode[]::new));
    table.setOperand(0, extended);
    return table;
  }

  private static boolean hasArgument(List<SqlNode> operands, String name) {
    for (SqlNode operand : operands) {
      if (operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT
          && ((SqlCall) operand).operand(1).toString().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** Replaces each EXTEND-over-TABLE operand in its parent, wherever it sits (FROM, AS, JOIN, WITH). */
  private static final class Visitor extends SqlBasicVisitor<Void> {
    @Override
    public Void visit(SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode operand = operands.get(i);
        if (isExtendedTableFunction(operand)) {
          call.setOperand(i, rewriteExtend((SqlCall) operand));
        } else if (operand != null) {
          operand.accept(this);
        }
      }
      return null;
    }

    @Override
    public Void visit(SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode node = list.get(i);
        if (isExtendedTableFunction(node)) {
          list.set(i, rewriteExtend((SqlCall) node));
        } else if (node != null) {
          node.accept(this);
        }
      }
      return null;
    }
  }
}
