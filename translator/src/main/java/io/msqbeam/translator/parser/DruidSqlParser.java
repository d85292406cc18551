package io.msqbeam.translator.parser;

import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.parser.generated.DruidSqlParserImpl;
import java.io.Reader;
import java.io.StringReader;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.util.SourceStringReader;

/**
 * Parses one Druid SQL statement: a query, {@link DruidSqlInsert}, {@link DruidSqlReplace} or EXPLAIN.
 *
 * <p>The lexical rules are Druid's: identifiers are double-quoted and case-sensitive, and neither
 * quoted nor unquoted names change case. Parse failures become {@link DruidException}s worded as
 * Druid words them (see {@link ParseErrors}). As in Druid 33, the text must be exactly one
 * statement: a trailing {@code ;} is a syntax error.
 */
public final class DruidSqlParser {
  /** The parser configuration; the validator and planner reuse it so they agree on identifier rules. */
  public static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(DruidSqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withIdentifierMaxLength(128)
      .withConformance(DruidConformance.INSTANCE);

  private DruidSqlParser() {}

  /**
   * Calcite sizes the JavaCC buffer to the SQL text it can see, and JavaCC 4.0 cannot read from a
   * zero-length buffer. An empty statement is read through a plain reader so it fails the way Druid's
   * does: {@code Received an unexpected token [<EOF>] (line [0], column [0])}.
   */
  private static Reader reader(String sql) {
    return sql.isEmpty() ? new StringReader(sql) : new SourceStringReader(sql);
  }

  /** Parses the statement, throwing Druid's {@code invalidInput} error when it is not valid SQL. */
  public static SqlNode parse(String sql) {
    try {
      return SqlParser.create(reader(sql), CONFIG).parseStmt();
    } catch (SqlParseException e) {
      throw ParseErrors.toDruidException(e);
    }
  }
}
