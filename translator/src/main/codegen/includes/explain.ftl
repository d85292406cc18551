<#--
  EXPLAIN PLAN FOR <statement>, where the statement may be Druid's INSERT or REPLACE.
  Calcite's own EXPLAIN only knows its stock INSERT, which has no ingestion clauses.
-->

/** Parses EXPLAIN PLAN [detail] [depth] [AS format] FOR a query, Druid INSERT, Druid REPLACE or DML. */
SqlNode DruidSqlExplain() :
{
    final Span s;
    final SqlNode stmt;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    final SqlExplain.Depth depth;
    final SqlExplainFormat format;
}
{
    <EXPLAIN> { s = span(); } <PLAN>
    [ detailLevel = ExplainDetailLevel() ]
    depth = ExplainDepth()
    (
        LOOKAHEAD(2)
        <AS> <XML> { format = SqlExplainFormat.XML; }
    |
        LOOKAHEAD(2)
        <AS> <JSON> { format = SqlExplainFormat.JSON; }
    |
        <AS> <DOT_FORMAT> { format = SqlExplainFormat.DOT; }
    |
        { format = SqlExplainFormat.TEXT; }
    )
    <FOR>
    (
        LOOKAHEAD(2)
        stmt = DruidSqlInsertEof()
    |
        LOOKAHEAD(2)
        stmt = DruidSqlReplaceEof()
    |
        stmt = SqlQueryOrDml()
    )
    {
        return new SqlExplain(s.end(stmt),
            stmt,
            detailLevel.symbol(SqlParserPos.ZERO),
            depth.symbol(SqlParserPos.ZERO),
            format.symbol(SqlParserPos.ZERO),
            nDynamicParams);
    }
}
