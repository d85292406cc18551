<#--
  INSERT INTO <table> <query> [PARTITIONED BY <granularity>] [CLUSTERED BY <items>]
-->

/**
 * Parses Druid's INSERT: Calcite's INSERT followed by the ingestion clauses. PARTITIONED BY is
 * optional here so that validation can report Druid's message when it is missing. The statement
 * consumes EOF itself so that a syntax error after the clauses is reported as such, not as a
 * validation failure of a half-read statement.
 */
SqlNode DruidSqlInsertEof() :
{
    final SqlNode insert;
    SqlNode partitionedBy = null;
    SqlNodeList clusteredBy = null;
}
{
    insert = SqlInsert()
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
        return new DruidSqlInsert((SqlInsert) insert, partitionedBy, clusteredBy);
    }
}
