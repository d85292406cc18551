<#--
  Clauses shared by INSERT and REPLACE: PARTITIONED BY and CLUSTERED BY.
  The grammar only shapes the tree; PartitionGranularity.fromSqlNode decides which
  granularities are valid, so that Druid's validation messages can be produced.
-->

/**
 * Parses the argument of PARTITIONED BY. The bare keywords HOUR, DAY, MONTH, YEAR, ALL and
 * ALL TIME become symbol literals of GranularityKeyword; anything else (a string literal,
 * FLOOR(__time TO DAY), TIME_FLOOR(__time, 'PT1H'), an identifier) is kept as an expression.
 */
SqlNode PartitionedByGranularity() :
{
    final Span s;
    final SqlNode e;
}
{
    (
        // HOUR, MONTH and YEAR could also start a function call such as HOUR(x); the bare keyword
        // wins, as in Druid. The explicit LOOKAHEAD(1) records that choice and silences JavaCC.
        LOOKAHEAD(1)
        <HOUR> { e = GranularityKeyword.HOUR.symbol(getPos()); }
    |
        <DAY> { e = GranularityKeyword.DAY.symbol(getPos()); }
    |
        LOOKAHEAD(1)
        <MONTH> { e = GranularityKeyword.MONTH.symbol(getPos()); }
    |
        LOOKAHEAD(1)
        <YEAR> { e = GranularityKeyword.YEAR.symbol(getPos()); }
    |
        <ALL> { s = span(); }
        (
            <TIME> { e = GranularityKeyword.ALL_TIME.symbol(s.end(this)); }
        |
            { e = GranularityKeyword.ALL.symbol(s.pos()); }
        )
    |
        e = Expression(ExprContext.ACCEPT_SUB_QUERY)
    )
    {
        return e;
    }
}

/** Parses CLUSTERED BY followed by order items; DESC is accepted here and rejected by validation. */
SqlNodeList ClusteredBy() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <CLUSTERED> { s = span(); } <BY>
    AddOrderItem(list)
    (
        <COMMA> AddOrderItem(list)
    )*
    {
        return new SqlNodeList(list, s.addAll(list).pos());
    }
}
