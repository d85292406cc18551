<#--
  REPLACE INTO <table> [OVERWRITE [ALL | WHERE <condition>]] <query>
      [PARTITIONED BY <granularity>] [CLUSTERED BY <items>]
-->

/**
 * Parses Druid's REPLACE. The target part mirrors Calcite's INSERT production. OVERWRITE and its
 * argument are optional in the grammar: a REPLACE without them parses, and validation reports
 * Druid's "Missing time chunk information" message.
 */
SqlNode DruidSqlReplaceEof() :
{
    final Span s;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    SqlNodeList columnList = null;
    Pair<SqlNodeList, SqlNodeList> p;
    boolean overwriteAll = false;
    SqlNode overwriteWhere = null;
    final SqlNode source;
    SqlNode partitionedBy = null;
    SqlNodeList clusteredBy = null;
}
{
    <REPLACE> { s = span(); }
    <INTO> tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    [ LOOKAHEAD(5) tableRef = ExtendTable(tableRef) ]
    [
        LOOKAHEAD(2)
        p = ParenthesizedCompoundIdentifierList() {
            if (!p.right.isEmpty()) {
                tableRef = extend(tableRef, p.right);
            }
            if (!p.left.isEmpty()) {
                columnList = p.left;
            }
        }
    ]
    [
        // OVERWRITE is non-reserved, so it could also start the source as an identifier; a source
        // must be a query, so the clause always wins.
        LOOKAHEAD(1)
        <OVERWRITE>
        [
            <ALL> { overwriteAll = true; }
        |
            overwriteWhere = Where()
        ]
    ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [
        <PARTITIONED> <BY> partitionedBy = PartitionedByGranularity()
    ]
    [
        clusteredBy = ClusteredBy()
    ]
    {
        DruidSqlIngest.requirePartitionedByBeforeClusteredBy(partitionedBy, clusteredBy);
    }
    <EOF>
    {
        return new DruidSqlReplace(s.end(source), tableRef, source, columnList,
            overwriteAll, overwriteWhere, partitionedBy, clusteredBy);
    }
}
