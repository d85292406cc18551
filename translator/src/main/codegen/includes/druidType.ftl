<#--
  Druid's TYPE('<druid type>') data type (Druid's own grammar has the same production): a native
  Druid type named by a string, e.g. EXTEND (obj TYPE('COMPLEX<json>')). It becomes a user-defined
  type name spec holding the string, which ExtendSchema maps to the Druid type.
-->
SqlTypeNameSpec DruidType() :
{
    final String typeName;
}
{
    <TYPE> <LPAREN> <QUOTED_STRING>
    {
        typeName = SqlParserUtil.trim(token.image, "'");
    }
    <RPAREN>
    {
        return new SqlUserDefinedTypeNameSpec(typeName, getPos());
    }
}
