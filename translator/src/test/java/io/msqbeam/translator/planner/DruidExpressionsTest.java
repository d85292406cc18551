package io.msqbeam.translator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.VirtualColumn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQL scalar expressions translate into the Druid native expressions Druid's planner writes for them. */
class DruidExpressionsTest {
  private static final String EXTERN = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"x\"}','{\"type\":\"json\"}','"
      + "[{\"name\":\"t\",\"type\":\"string\"},{\"name\":\"s\",\"type\":\"string\"},"
      + "{\"name\":\"n\",\"type\":\"long\"},{\"name\":\"d\",\"type\":\"double\"}]'))";
  private static final String TS = "timestamp_parse(\"t\",null,'UTC')";

  private static VirtualColumn planned(String expression) {
    PlannedStatement statement = new StatementPlanner(Catalog.empty()).plan(
        "SELECT " + expression + " AS x FROM " + EXTERN, Map.of(), "query-q", "2024-01-01T00:00:00.000Z");
    ScanProcessor scan = (ScanProcessor) statement.plan().stages().get(0).processor();
    return scan.query().virtualColumns().get(0);
  }

  private static String druid(String expression) {
    return planned(expression).expression();
  }

  @Test
  void multiValueAndArrayFunctionsMapToDruidsArrayFunctions() {
    // The native expressions of CalciteMultiValueStringQueryTest / CalciteArraysQueryTest.
    assertThat(druid("MV_LENGTH(s)")).isEqualTo("array_length(\"s\")");
    assertThat(druid("MV_APPEND(s, 'foo')")).isEqualTo("array_append(\"s\",'foo')");
    assertThat(druid("MV_PREPEND('foo', s)")).isEqualTo("array_prepend('foo',\"s\")");
    assertThat(druid("MV_TO_STRING(MV_CONCAT(s, s), ',')")).isEqualTo("array_to_string(array_concat(\"s\",\"s\"),',')");
    assertThat(druid("MV_SLICE(s, 1)")).isEqualTo("array_slice(\"s\",1)");
    assertThat(druid("MV_OVERLAP(s, ARRAY['a','b'])")).isEqualTo("array_overlap(\"s\",array('a','b'))");
    assertThat(druid("STRING_TO_MV(s, ',')")).isEqualTo("string_to_array(\"s\",',')");
    assertThat(druid("MV_TO_ARRAY(s)")).isEqualTo("mv_to_array(\"s\")");
    assertThat(druid("ARRAY_TO_MV(ARRAY[s])")).isEqualTo("array_to_mv(array(\"s\"))");
    assertThat(druid("SCALAR_IN_ARRAY(n, ARRAY[1, 2])")).isEqualTo("scalar_in_array(\"n\",array(1,2))");
    assertThat(druid("ARRAY_OFFSET_OF(STRING_TO_ARRAY(s, ','), 'b')"))
        .isEqualTo("array_offset_of(string_to_array(\"s\",','),'b')");
  }

  @Test
  void ipAddressFunctionsMapToDruidsMacros() {
    // Druid's IPv4Address*OperatorConversion and IPv6AddressMatchOperatorConversion are direct conversions.
    assertThat(druid("IPV4_MATCH(s, '192.168.0.0/16')")).isEqualTo("ipv4_match(\"s\",'192.168.0.0/16')");
    assertThat(druid("IPV4_MATCH(n, '192.168.0.0/16')")).isEqualTo("ipv4_match(\"n\",'192.168.0.0/16')");
    assertThat(druid("IPV4_PARSE(s)")).isEqualTo("ipv4_parse(\"s\")");
    assertThat(druid("IPV4_STRINGIFY(n)")).isEqualTo("ipv4_stringify(\"n\")");
    assertThat(druid("IPV6_MATCH(s, '75e9:efa4:29c6:85f6::/64')"))
        .isEqualTo("ipv6_match(\"s\",'75e9:efa4:29c6:85f6::/64')");
  }

  @Test
  void jsonFunctionsMapToDruidsMacros() {
    // Druid's NestedDataOperatorConversions: JSON_VALUE names the type it reads (STRING without RETURNING).
    assertThat(druid("JSON_VALUE(PARSE_JSON(s), '$.a')")).isEqualTo("json_value(parse_json(\"s\"),'$.a','STRING')");
    assertThat(druid("JSON_VALUE(PARSE_JSON(s), '$.a' RETURNING BIGINT)"))
        .isEqualTo("json_value(parse_json(\"s\"),'$.a','LONG')");
    assertThat(druid("JSON_VALUE(TRY_PARSE_JSON(s), '$.a' RETURNING DOUBLE)"))
        .isEqualTo("json_value(try_parse_json(\"s\"),'$.a','DOUBLE')");
    assertThat(druid("TO_JSON_STRING(PARSE_JSON(s))")).isEqualTo("to_json_string(parse_json(\"s\"))");
    assertThat(druid("JSON_KEYS(PARSE_JSON(s), '$')")).isEqualTo("json_keys(parse_json(\"s\"),'$')");
    assertThat(druid("JSON_PATHS(PARSE_JSON(s))")).isEqualTo("json_paths(parse_json(\"s\"))");
    // Calcite's own JSON_QUERY / JSON_OBJECT (typed VARCHAR) become Druid's, whose native forms drop the
    // wrapper and ON NULL clauses Druid ignores.
    assertThat(druid("JSON_QUERY(PARSE_JSON(s), '$.a')")).isEqualTo("json_query(parse_json(\"s\"),'$.a')");
    assertThat(druid("JSON_OBJECT(KEY 'x' VALUE s, 'y' : PARSE_JSON(s))"))
        .isEqualTo("json_object('x',\"s\",'y',parse_json(\"s\"))");
  }

  @Test
  void ipAddressFunctionsTakeDruidsOperandTypes() {
    // The operand checkers of Druid's IPv4AddressMatchOperatorConversion: the address is a string or an
    // integer, the subnet a string.
    assertThatThrownBy(() -> druid("IPV4_MATCH(d, '192.168.0.0/16')")).isInstanceOf(DruidException.class);
    assertThatThrownBy(() -> druid("IPV4_MATCH(s, 16)")).isInstanceOf(DruidException.class);
  }

  @Test
  void timeParseFillsInTheDefaultPatternAndUtc() {
    assertThat(druid("TIME_PARSE(t)")).isEqualTo(TS);
    assertThat(druid("TIME_PARSE(t, 'yyyy-MM-dd')")).isEqualTo("timestamp_parse(\"t\",'yyyy-MM-dd','UTC')");
    assertThat(druid("TIME_PARSE(t, 'yyyy-MM-dd', '-05:00')"))
        .isEqualTo("timestamp_parse(\"t\",'yyyy-MM-dd','-05:00')");
  }

  @Test
  void timeFormatFillsInIsoAndUtc() {
    assertThat(druid("TIME_FORMAT(TIME_PARSE(t))")).isEqualTo("timestamp_format(" + TS + ",null,'UTC')");
    assertThat(druid("TIME_FORMAT(TIME_PARSE(t), 'HH', 'Asia/Tokyo')"))
        .isEqualTo("timestamp_format(" + TS + ",'HH','Asia/Tokyo')");
  }

  @Test
  void timeFloorAndCeilTakeOriginAndTimeZone() {
    assertThat(druid("TIME_FLOOR(TIME_PARSE(t), 'PT1H')")).isEqualTo("timestamp_floor(" + TS + ",'PT1H',null,'UTC')");
    assertThat(druid("TIME_FLOOR(TIME_PARSE(t), 'PT45M', TIMESTAMP '2013-08-01 08:00:00')"))
        .isEqualTo("timestamp_floor(" + TS + ",'PT45M',1375344000000,'UTC')");
    assertThat(druid("TIME_CEIL(TIME_PARSE(t), 'P1D', NULL, 'America/Los_Angeles')"))
        .isEqualTo("timestamp_ceil(" + TS + ",'P1D',null,'America/Los_Angeles')");
  }

  @Test
  void timeShiftAndTimeExtractMapToTheirMacros() {
    assertThat(druid("TIME_SHIFT(TIME_PARSE(t), 'PT1H', -24)"))
        .isEqualTo("timestamp_shift(" + TS + ",'PT1H',-24,'UTC')");
    assertThat(druid("TIME_EXTRACT(TIME_PARSE(t), 'hour', '-04:00')"))
        .isEqualTo("timestamp_extract(" + TS + ",'HOUR','-04:00')");
  }

  @Test
  void timeInIntervalIsAHalfOpenRange() {
    assertThat(druid("TIME_IN_INTERVAL(TIME_PARSE(t), '2013-08-01T08:00:00/PT1H')")).isEqualTo(
        "((" + TS + " >= timestamp_parse('2013-08-01T08:00:00',null,'UTC')) && (" + TS
            + " < timestamp_shift(timestamp_parse('2013-08-01T08:00:00',null,'UTC'),'PT1H',1,'UTC')))");
  }

  @Test
  void timeInIntervalNeedsALiteralIsoInterval() {
    assertThatThrownBy(() -> druid("TIME_IN_INTERVAL(TIME_PARSE(t), s)"))
        .isInstanceOf(DruidException.class)
        .hasMessage("Argument to function 'TIME_IN_INTERVAL' must be a literal");
    assertThatThrownBy(() -> druid("TIME_IN_INTERVAL(TIME_PARSE(t), 'yesterday')"))
        .isInstanceOf(DruidException.class)
        .hasMessage("Function 'TIME_IN_INTERVAL' second argument is not a valid ISO8601 interval: yesterday");
  }

  @Test
  void millisAndTimestampsAreTheSameNativeLong() {
    assertThat(druid("MILLIS_TO_TIMESTAMP(n)")).isEqualTo("\"n\"");
    assertThat(druid("TIMESTAMP_TO_MILLIS(TIME_PARSE(t))")).isEqualTo(TS);
  }

  @Test
  void dateTruncFloorsToTheUnitsPeriod() {
    assertThat(druid("DATE_TRUNC('decade', TIME_PARSE(t))")).isEqualTo("timestamp_floor(" + TS + ",'P10Y',null,'UTC')");
    assertThat(druid("DATE_TRUNC('QUARTER', TIME_PARSE(t))")).isEqualTo("timestamp_floor(" + TS + ",'P3M',null,'UTC')");
  }

  @Test
  void dateTruncRejectsUnknownUnits() {
    assertThatThrownBy(() -> druid("DATE_TRUNC('fortnight', TIME_PARSE(t))"))
        .isInstanceOf(DruidException.class)
        .hasMessageContaining("DATE_TRUNC unit [fortnight] is not supported");
  }

  @Test
  void floorAndCeilToAUnitUseTimestampFloorAndCeil() {
    assertThat(druid("FLOOR(TIME_PARSE(t) TO WEEK)")).isEqualTo("timestamp_floor(" + TS + ",'P1W',null,'UTC')");
    assertThat(druid("CEIL(TIME_PARSE(t) TO QUARTER)")).isEqualTo("timestamp_ceil(" + TS + ",'P3M',null,'UTC')");
  }

  @Test
  void extractUsesTimestampExtractWithIsoAndLongUnits() {
    assertThat(druid("EXTRACT(HOUR FROM TIME_PARSE(t))")).isEqualTo("timestamp_extract(" + TS + ",'HOUR','UTC')");
    assertThat(druid("EXTRACT(ISODOW FROM TIME_PARSE(t))")).isEqualTo("timestamp_extract(" + TS + ",'ISODOW','UTC')");
    assertThat(druid("EXTRACT(MILLENNIUM FROM TIME_PARSE(t))"))
        .isEqualTo("timestamp_extract(" + TS + ",'MILLENNIUM','UTC')");
  }

  @Test
  void timestampAddShiftsByMillisOrByMonths() {
    assertThat(druid("TIMESTAMPADD(HOUR, 2, TIME_PARSE(t))")).isEqualTo("(" + TS + " + (3600000 * 2))");
    assertThat(druid("TIMESTAMPADD(MONTH, n, TIME_PARSE(t))"))
        .isEqualTo("timestamp_shift(" + TS + ",concat('P',(1 * \"n\"),'M'),1,'UTC')");
    assertThat(druid("TIME_PARSE(t) - INTERVAL '1' MONTH"))
        .isEqualTo("timestamp_shift(" + TS + ",concat('P',1,'M'),-1,'UTC')");
  }

  @Test
  void timestampDiffDividesMillisOrCountsMonths() {
    String other = "timestamp_parse(\"s\",null,'UTC')";
    assertThat(druid("TIMESTAMPDIFF(HOUR, TIME_PARSE(t), TIME_PARSE(s))"))
        .isEqualTo("div((" + other + " - " + TS + "),3600000)");
    assertThat(druid("TIMESTAMPDIFF(YEAR, TIME_PARSE(t), TIME_PARSE(s))"))
        .isEqualTo("div(subtract_months(" + other + "," + TS + ",'UTC'),12)");
  }

  @Test
  void currentTimestampIsAConstantOfThePlan() {
    long before = System.currentTimeMillis();
    long now = Long.parseLong(druid("CURRENT_TIMESTAMP"));
    assertThat(now).isBetween(before, System.currentTimeMillis());
    assertThat(Long.parseLong(druid("CURRENT_DATE")) % 86_400_000L).isZero();
  }

  @Test
  void castsBetweenStringsAndTimestampsParseAndFormatSqlTimestamps() {
    assertThat(druid("CAST(t AS TIMESTAMP)")).isEqualTo(TS);
    assertThat(druid("CAST(t AS DATE)")).isEqualTo("timestamp_floor(" + TS + ",'P1D',null,'UTC')");
    assertThat(druid("CAST(TIME_PARSE(t) AS VARCHAR)"))
        .isEqualTo("timestamp_format(" + TS + ",'yyyy-MM-dd HH:mm:ss','UTC')");
    assertThat(druid("CAST(CAST(TIME_PARSE(t) AS DATE) AS VARCHAR)"))
        .isEqualTo("timestamp_format(timestamp_floor(" + TS + ",'P1D',null,'UTC'),'yyyy-MM-dd','UTC')");
  }

  @Test
  void castsBetweenNumbersAndStringsUseNativeCast() {
    assertThat(druid("CAST(s AS BIGINT)")).isEqualTo("CAST(\"s\", 'LONG')");
    assertThat(druid("CAST('foo' AS BIGINT)")).isEqualTo("CAST('foo', 'LONG')");
    assertThat(druid("CAST(n AS VARCHAR)")).isEqualTo("CAST(\"n\", 'STRING')");
    assertThat(druid("CAST(d AS INTEGER)")).isEqualTo("CAST(\"d\", 'LONG')");
    assertThat(druid("CAST(n AS TIMESTAMP)")).isEqualTo("\"n\"");
  }

  @Test
  void concatenationHasThreeSpellings() {
    assertThat(druid("s || 'x'")).isEqualTo("concat(\"s\",'x')");
    assertThat(druid("CONCAT(s, 'x', t)")).isEqualTo("concat(\"s\",'x',\"t\")");
    assertThat(druid("TEXTCAT(s, t)")).isEqualTo("concat(\"s\",\"t\")");
  }

  @Test
  void stringFunctionsMapToTheirNativeNames() {
    assertThat(druid("CONTAINS_STRING(s, 'a')")).isEqualTo("contains_string(\"s\",'a')");
    assertThat(druid("ICONTAINS_STRING(s, 'a')")).isEqualTo("icontains_string(\"s\",'a')");
    assertThat(druid("LEFT(s, 2)")).isEqualTo("left(\"s\",2)");
    assertThat(druid("RIGHT(s, 2)")).isEqualTo("right(\"s\",2)");
    assertThat(druid("LENGTH(s)")).isEqualTo("strlen(\"s\")");
    assertThat(druid("CHARACTER_LENGTH(s)")).isEqualTo("strlen(\"s\")");
    assertThat(druid("STRLEN(s)")).isEqualTo("strlen(\"s\")");
    assertThat(druid("LOWER(s)")).isEqualTo("lower(\"s\")");
    assertThat(druid("UPPER(s)")).isEqualTo("upper(\"s\")");
    assertThat(druid("PARSE_LONG(s, 16)")).isEqualTo("parse_long(\"s\",16)");
    assertThat(druid("REGEXP_EXTRACT(s, 'a(.)', 1)")).isEqualTo("regexp_extract(\"s\",'a(.)',1)");
    assertThat(druid("REGEXP_LIKE(s, 'a.')")).isEqualTo("regexp_like(\"s\",'a.')");
    assertThat(druid("REGEXP_REPLACE(s, 'a', '$0')")).isEqualTo("regexp_replace(\"s\",'a','$0')");
    assertThat(druid("REPLACE(s, 'a', 'b')")).isEqualTo("replace(\"s\",'a','b')");
    assertThat(druid("REPEAT(s, 2)")).isEqualTo("repeat(\"s\",2)");
    assertThat(druid("REVERSE(s)")).isEqualTo("reverse(\"s\")");
    assertThat(druid("STRING_FORMAT('%s-%d', s, n)")).isEqualTo("format('%s-%d',\"s\",\"n\")");
  }

  @Test
  void padsDefaultToASpace() {
    assertThat(druid("LPAD(s, 5, 'x')")).isEqualTo("lpad(\"s\",5,'x')");
    assertThat(druid("RPAD(s, 5)")).isEqualTo("rpad(\"s\",5,' ')");
  }

  @Test
  void oneBasedPositionsBecomeZeroBased() {
    assertThat(druid("STRPOS(s, 'x')")).isEqualTo("(strpos(\"s\",'x') + 1)");
    assertThat(druid("POSITION('x' IN s)")).isEqualTo("(strpos(\"s\",'x') + 1)");
    assertThat(druid("POSITION('x' IN s FROM 2)")).isEqualTo("(strpos(\"s\",'x',1) + 1)");
    assertThat(druid("SUBSTRING(s, 2)")).isEqualTo("substring(\"s\",1,-1)");
    assertThat(druid("SUBSTRING(s FROM 2 FOR 3)")).isEqualTo("substring(\"s\",1,3)");
    assertThat(druid("SUBSTR(s, n, 3)")).isEqualTo("substring(\"s\",(\"n\" - 1),3)");
  }

  @Test
  void trimsKeepTheirCharacters() {
    assertThat(druid("TRIM(s)")).isEqualTo("trim(\"s\",' ')");
    assertThat(druid("TRIM(LEADING 'x' FROM s)")).isEqualTo("ltrim(\"s\",'x')");
    assertThat(druid("TRIM(TRAILING 'x' FROM s)")).isEqualTo("rtrim(\"s\",'x')");
    assertThat(druid("BTRIM(s)")).isEqualTo("trim(\"s\")");
    assertThat(druid("LTRIM(s, 'x')")).isEqualTo("ltrim(\"s\",'x')");
    assertThat(druid("RTRIM(s)")).isEqualTo("rtrim(\"s\")");
  }

  @Test
  void likeKeepsItsEscapeAndNotLikeNegates() {
    assertThat(druid("s LIKE 'a%'")).isEqualTo("like(\"s\",'a%')");
    assertThat(druid("s LIKE 'a!%' ESCAPE '!'")).isEqualTo("like(\"s\",'a!%','!')");
    assertThat(druid("s NOT LIKE 'a%'")).isEqualTo("!(like(\"s\",'a%'))");
  }

  @Test
  void mathFunctionsMapToTheirNativeNames() {
    assertThat(druid("ABS(n)")).isEqualTo("abs(\"n\")");
    assertThat(druid("CEIL(d)")).isEqualTo("ceil(\"d\")");
    assertThat(druid("FLOOR(d)")).isEqualTo("floor(\"d\")");
    assertThat(druid("EXP(d)")).isEqualTo("exp(\"d\")");
    assertThat(druid("LN(d)")).isEqualTo("log(\"d\")");
    assertThat(druid("LOG10(d)")).isEqualTo("log10(\"d\")");
    assertThat(druid("POWER(d, 2)")).isEqualTo("pow(\"d\",2)");
    assertThat(druid("ROUND(d, 1)")).isEqualTo("round(\"d\",1)");
    assertThat(druid("MOD(n, 3)")).isEqualTo("(\"n\" % 3)");
    assertThat(druid("SIN(d)")).isEqualTo("sin(\"d\")");
    assertThat(druid("ATAN2(d, 1)")).isEqualTo("atan2(\"d\",1)");
    assertThat(druid("DEGREES(d)")).isEqualTo("todegrees(\"d\")");
    assertThat(druid("DIV(n, 2)")).isEqualTo("div(\"n\",2)");
    assertThat(druid("SAFE_DIVIDE(n, 0)")).isEqualTo("safe_divide(\"n\",0)");
    assertThat(druid("BITWISE_AND(n, 3)")).isEqualTo("bitwiseAnd(\"n\",3)");
    assertThat(druid("BITWISE_COMPLEMENT(n)")).isEqualTo("bitwiseComplement(\"n\")");
  }

  @Test
  void truncateScalesThroughALong() {
    assertThat(druid("TRUNCATE(d, 1)")).isEqualTo("(cast(cast(\"d\" * 10.0,'long'),'double') / 10.0)");
    assertThat(druid("TRUNC(d)")).isEqualTo("(cast(cast(\"d\" * 1,'long'),'double') / 1)");
  }

  @Test
  void greatestAndLeastTypeAsStringWhenAnyArgumentIsAString() {
    VirtualColumn greatest = planned("GREATEST(s, 'x', n)");
    assertThat(greatest.expression()).isEqualTo("greatest(\"s\",'x',\"n\")");
    assertThat(greatest.outputType().name()).isEqualTo("STRING");
    assertThat(planned("LEAST(n, d)").outputType().name()).isEqualTo("DOUBLE");
    assertThat(planned("LEAST(n, 3)").outputType().name()).isEqualTo("LONG");
  }

  @Test
  void nullHandlingFunctionsKeepDruidsNames() {
    assertThat(druid("NVL(s, 'x')")).isEqualTo("nvl(\"s\",'x')");
    assertThat(druid("COALESCE(s, 'x')")).isEqualTo("case_searched(notnull(\"s\"),\"s\",'x')");
    assertThat(druid("NULLIF(s, 'x')")).isEqualTo("case_searched((\"s\" == 'x'),null,\"s\")");
  }

  @Test
  void simpleCaseBecomesSearchedCase() {
    assertThat(druid("CASE n WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END"))
        .isEqualTo("case_searched((\"n\" == 1),'a',(\"n\" == 2),'b','c')");
  }

  @Test
  void booleanTestsUseDruidsTwoValuedFunctions() {
    assertThat(druid("(n > 1) IS TRUE")).isEqualTo("istrue((\"n\" > 1))");
    assertThat(druid("(n > 1) IS NOT TRUE")).isEqualTo("nottrue((\"n\" > 1))");
    assertThat(druid("(n > 1) IS FALSE")).isEqualTo("isfalse((\"n\" > 1))");
    assertThat(druid("(n > 1) IS NOT FALSE")).isEqualTo("notfalse((\"n\" > 1))");
    assertThat(druid("s IS NULL")).isEqualTo("isnull(\"s\")");
    assertThat(druid("s IS NOT NULL")).isEqualTo("notnull(\"s\")");
  }

  @Test
  void inAndBetweenExpandIntoComparisons() {
    assertThat(druid("n IN (1, 2)")).isEqualTo("((\"n\" == 1) || (\"n\" == 2))");
    assertThat(druid("n NOT IN (1, 2)")).isEqualTo("((\"n\" != 1) && (\"n\" != 2))");
    assertThat(druid("n BETWEEN 1 AND 5")).isEqualTo("((\"n\" >= 1) && (\"n\" <= 5))");
    assertThat(druid("n NOT BETWEEN 1 AND 5")).isEqualTo("((\"n\" < 1) || (\"n\" > 5))");
  }

  @Test
  void unsupportedFunctionsAreUnplannable() {
    assertThatThrownBy(() -> druid("INITCAP(s)"))
        .isInstanceOf(DruidException.class)
        .hasMessageContaining("function [INITCAP] is not supported");
  }
}
