package io.msqbeam.pipelines.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.VirtualColumn;
import io.msqbeam.translator.planner.StatementPlanner;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Druid's scalar functions end to end: SQL planned into a native expression, evaluated by Druid's
 * expression library over a row. Expected values are the results Druid's docs state.
 */
class ScalarFunctionsTest {
  private static final String EXTERN = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"x\"}','{\"type\":\"json\"}','"
      + "[{\"name\":\"t\",\"type\":\"string\"},{\"name\":\"s\",\"type\":\"string\"},"
      + "{\"name\":\"n\",\"type\":\"long\"},{\"name\":\"d\",\"type\":\"double\"}]'))";
  private static final List<ColumnSignature> SIGNATURE = List.of(
      new ColumnSignature("t", ColumnType.STRING), new ColumnSignature("s", ColumnType.STRING),
      new ColumnSignature("n", ColumnType.LONG), new ColumnSignature("d", ColumnType.DOUBLE));
  private static final Object[] ROW = {"2013-08-01T08:14:37Z", "foo", 7L, -2.75};
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String TS = "TIMESTAMP '2013-08-01 08:14:37'";

  private static Object eval(String expression, Object... row) {
    VirtualColumn column = planned(expression);
    return new RowExpression(column.expression(), SIGNATURE).evaluate(row.length == 0 ? ROW : row,
        column.outputType());
  }

  private static VirtualColumn planned(String expression) {
    ScanProcessor scan = (ScanProcessor) new StatementPlanner(Catalog.empty())
        .plan("SELECT " + expression + " AS x FROM " + EXTERN, Map.of(), "query-q", "2024-01-01T00:00:00.000Z")
        .plan().stages().get(0).processor();
    return scan.query().virtualColumns().get(0);
  }

  /** Evaluates a TIMESTAMP expression and prints it as Druid's SQL API does. */
  private static String time(String expression, Object... row) {
    Object millis = eval(expression, row);
    return millis == null ? null : ISO.format(Instant.ofEpochMilli((Long) millis));
  }

  private static Object[] row(String t, String s) {
    return new Object[] {t, s, 7L, -2.75};
  }

  @Test
  void ipv4FunctionsConvertBetweenDottedAndNumericAddresses() {
    // Druid's reference: IPV4_PARSE gives the address as a number (192.0.2.0 = 192*2^24 + 2*2^8),
    // null when the input is no IPv4 address; IPV4_STRINGIFY is the inverse.
    assertThat(eval("IPV4_PARSE('192.0.2.0')")).isEqualTo(3221225984L);
    assertThat(eval("IPV4_PARSE(s)")).isNull();
    assertThat(eval("IPV4_STRINGIFY(3221225984)")).isEqualTo("192.0.2.0");
    assertThat(eval("IPV4_STRINGIFY('192.0.2.0')")).isEqualTo("192.0.2.0");
    assertThat(eval("IPV4_STRINGIFY(n)", row("x", "y"))).isEqualTo("0.0.0.7");
  }

  @Test
  void ipMatchesTestSubnetMembership() {
    assertThat(eval("IPV4_MATCH('192.168.0.1', '192.168.0.0/16')")).isEqualTo(1L);
    assertThat(eval("IPV4_MATCH('10.0.0.1', '192.168.0.0/16')")).isEqualTo(0L);
    assertThat(eval("IPV4_MATCH(s, '192.168.0.0/16')")).isEqualTo(0L);
    assertThat(eval("IPV6_MATCH('75e9:efa4:29c6:85f6::232c', '75e9:efa4:29c6:85f6::/64')")).isEqualTo(1L);
  }

  @Test
  void jsonFunctionsOverParsedStrings() {
    String parsed = "PARSE_JSON('{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":\"x\"}')";
    assertThat(eval("TO_JSON_STRING(" + parsed + ")")).isEqualTo("{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":\"x\"}");
    assertThat(eval("JSON_KEYS(" + parsed + ", '$.a')")).isEqualTo(new Object[] {"b", "c"});
    // The paths of the literal values (a primitive array is one); their order is the library's own.
    assertThat((Object[]) eval("JSON_PATHS(" + parsed + ")")).containsExactlyInAnyOrder("$.a.b", "$.a.c", "$.d");
    assertThat(eval("TO_JSON_STRING(TRY_PARSE_JSON(s))")).isNull();
    assertThat(eval("JSON_VALUE(" + parsed + ", '$.a.b')")).isEqualTo("1");
    assertThat(eval("JSON_VALUE(" + parsed + ", '$.a.b' RETURNING BIGINT)")).isEqualTo(1L);
    assertThat(eval("JSON_VALUE(" + parsed + ", '$.d' RETURNING DOUBLE)")).isNull();
    assertThat(eval("JSON_VALUE(" + parsed + ", '$.missing')")).isNull();
  }

  @Test
  void timeParseAppliesTheTimeZoneToStringsWithoutAnOffset() {
    assertThat(time("TIME_PARSE('2005-11-01', 'YYYY-MM-dd', '-05:00')")).isEqualTo("2005-11-01T05:00:00.000Z");
    assertThat(time("TIME_PARSE(t)")).isEqualTo("2013-08-01T08:14:37.000Z");
  }

  @Test
  void timeParseGivesNullForUnparseableStrings() {
    assertThat(time("TIME_PARSE(s)")).isNull();
  }

  @Test
  void timeFormatPrintsInTheGivenTimeZone() {
    assertThat(eval("TIME_FORMAT(" + TS + ", 'dd-MM-YYYY hh:mm aa zzz', '-05:00')"))
        .isEqualTo("01-08-2013 03:14 AM -05:00");
    assertThat(eval("TIME_FORMAT(" + TS + ")")).isEqualTo("2013-08-01T08:14:37.000Z");
  }

  @Test
  void timeFloorAndCeilCountPeriodsFromTheOrigin() {
    String origin = ", 'PT45M', TIMESTAMP '2013-08-01 08:0:00')";
    assertThat(time("TIME_FLOOR(" + TS + origin)).isEqualTo("2013-08-01T08:00:00.000Z");
    assertThat(time("TIME_FLOOR(TIMESTAMP '2013-08-01 09:13:00'" + origin)).isEqualTo("2013-08-01T08:45:00.000Z");
    assertThat(time("TIME_CEIL(" + TS + origin)).isEqualTo("2013-08-01T08:45:00.000Z");
    assertThat(time("TIME_CEIL(TIMESTAMP '2013-08-01 09:13:00'" + origin)).isEqualTo("2013-08-01T09:30:00.000Z");
  }

  @Test
  void timeFloorHonoursTheTimeZone() {
    assertThat(time("TIME_FLOOR(" + TS + ", 'P1D', NULL, 'America/Los_Angeles')"))
        .isEqualTo("2013-08-01T07:00:00.000Z");
  }

  @Test
  void timeShiftMovesByWholePeriods() {
    assertThat(time("TIME_SHIFT(" + TS + ", 'PT1H', -24)")).isEqualTo("2013-07-31T08:14:37.000Z");
  }

  @Test
  void timeExtractReadsTheUnitInTheTimeZone() {
    assertThat(eval("TIME_EXTRACT(" + TS + ", 'hour', '-04:00')")).isEqualTo(4L);
    assertThat(eval("TIME_EXTRACT(" + TS + ", 'DOY')")).isEqualTo(213L);
  }

  @Test
  void millisAndTimestampsConvertBothWays() {
    assertThat(time("MILLIS_TO_TIMESTAMP(1375344877000)")).isEqualTo("2013-08-01T08:14:37.000Z");
    assertThat(eval("TIMESTAMP_TO_MILLIS(" + TS + ")")).isEqualTo(1375344877000L);
  }

  @Test
  void dateTruncFloorsToTheUnit() {
    assertThat(time("DATE_TRUNC('decade', " + TS + ")")).isEqualTo("2010-01-01T00:00:00.000Z");
    assertThat(time("DATE_TRUNC('month', " + TS + ")")).isEqualTo("2013-08-01T00:00:00.000Z");
    assertThat(time("DATE_TRUNC('week', " + TS + ")")).isEqualTo("2013-07-29T00:00:00.000Z");
  }

  @Test
  void timeInIntervalIncludesTheStartAndExcludesTheEnd() {
    String interval = ", '2013-08-01T08:00:00/PT1H')";
    assertThat(eval("TIME_IN_INTERVAL(" + TS + interval)).isEqualTo(1L);
    assertThat(eval("TIME_IN_INTERVAL(TIMESTAMP '2013-08-01 09:13:00'" + interval)).isEqualTo(0L);
    assertThat(eval("TIME_IN_INTERVAL(TIMESTAMP '2013-08-01 09:00:00'" + interval)).isEqualTo(0L);
    assertThat(eval("TIME_IN_INTERVAL(TIMESTAMP '2013-08-01 08:00:00'" + interval)).isEqualTo(1L);
  }

  @Test
  void floorAndCeilRoundTimestampsToAUnit() {
    assertThat(time("FLOOR(" + TS + " TO HOUR)")).isEqualTo("2013-08-01T08:00:00.000Z");
    assertThat(time("CEIL(" + TS + " TO HOUR)")).isEqualTo("2013-08-01T09:00:00.000Z");
    assertThat(time("FLOOR(" + TS + " TO QUARTER)")).isEqualTo("2013-07-01T00:00:00.000Z");
    assertThat(time("CEIL(" + TS + " TO YEAR)")).isEqualTo("2014-01-01T00:00:00.000Z");
  }

  @Test
  void extractReadsStandardAndIsoUnits() {
    assertThat(eval("EXTRACT(HOUR FROM " + TS + ")")).isEqualTo(8L);
    assertThat(eval("EXTRACT(DOW FROM " + TS + ")")).isEqualTo(4L);
    assertThat(eval("EXTRACT(ISODOW FROM " + TS + ")")).isEqualTo(4L);
    assertThat(eval("EXTRACT(ISOYEAR FROM " + TS + ")")).isEqualTo(2013L);
    assertThat(eval("EXTRACT(DECADE FROM " + TS + ")")).isEqualTo(201L);
    assertThat(eval("EXTRACT(CENTURY FROM " + TS + ")")).isEqualTo(21L);
    assertThat(eval("EXTRACT(MILLENNIUM FROM " + TS + ")")).isEqualTo(3L);
    assertThat(eval("EXTRACT(EPOCH FROM " + TS + ")")).isEqualTo(1375344877L);
  }

  @Test
  void timestampAddAndDiffCountCalendarUnits() {
    assertThat(time("TIMESTAMPADD(HOUR, 2, " + TS + ")")).isEqualTo("2013-08-01T10:14:37.000Z");
    assertThat(time("TIMESTAMPADD(MONTH, n, " + TS + ")")).isEqualTo("2014-03-01T08:14:37.000Z");
    assertThat(time(TS + " - INTERVAL '1' YEAR")).isEqualTo("2012-08-01T08:14:37.000Z");
    assertThat(eval("TIMESTAMPDIFF(DAY, " + TS + ", TIMESTAMP '2013-08-03 08:14:36')")).isEqualTo(1L);
    assertThat(eval("TIMESTAMPDIFF(MONTH, " + TS + ", TIMESTAMP '2014-08-01 08:14:37')")).isEqualTo(12L);
    assertThat(eval("TIMESTAMPDIFF(YEAR, " + TS + ", TIMESTAMP '2014-08-01 08:14:36')")).isEqualTo(0L);
  }

  @Test
  void currentTimestampAndCurrentDateAreInUtc() {
    long before = System.currentTimeMillis();
    assertThat((Long) eval("CURRENT_TIMESTAMP")).isBetween(before, System.currentTimeMillis());
    assertThat((Long) eval("CURRENT_DATE") % 86_400_000L).isZero();
  }

  @Test
  void castingAStringToTimestampExpectsTheSqlFormat() {
    assertThat(time("CAST(s AS TIMESTAMP)", row(null, "2000-01-02 03:04:05"))).isEqualTo("2000-01-02T03:04:05.000Z");
    assertThat(time("CAST(s AS DATE)", row(null, "2000-01-02 03:04:05"))).isEqualTo("2000-01-02T00:00:00.000Z");
    assertThat(eval("CAST(" + TS + " AS VARCHAR)")).isEqualTo("2013-08-01 08:14:37");
    assertThat(eval("CAST(CAST(" + TS + " AS DATE) AS VARCHAR)")).isEqualTo("2013-08-01");
  }

  @Test
  void failedCastsGiveNull() {
    assertThat(eval("CAST('foo' AS BIGINT)")).isNull();
    assertThat(eval("CAST(s AS DOUBLE)")).isNull();
    assertThat(time("CAST(s AS TIMESTAMP)")).isNull();
  }

  @Test
  void numericCastsConvertBetweenLongsDoublesAndStrings() {
    assertThat(eval("CAST(d AS BIGINT)")).isEqualTo(-2L);
    assertThat(eval("CAST(n AS VARCHAR)")).isEqualTo("7");
    assertThat(eval("CAST(s AS BIGINT)", row(null, "42"))).isEqualTo(42L);
  }

  @Test
  void concatenationJoinsStrings() {
    assertThat(eval("s || 'x'")).isEqualTo("foox");
    assertThat(eval("CONCAT(s, '-', n)")).isEqualTo("foo-7");
    assertThat(eval("TEXTCAT(s, 'bar')")).isEqualTo("foobar");
  }

  @Test
  void containsStringIsCaseSensitiveUnlessIcontains() {
    assertThat(eval("CONTAINS_STRING(s, 'OO')")).isEqualTo(0L);
    assertThat(eval("ICONTAINS_STRING(s, 'OO')")).isEqualTo(1L);
  }

  @Test
  void substringsAndLengthsCountUtf16Units() {
    assertThat(eval("LEFT(s, 2)")).isEqualTo("fo");
    assertThat(eval("RIGHT(s, 2)")).isEqualTo("oo");
    assertThat(eval("LENGTH(s)")).isEqualTo(3L);
    assertThat(eval("CHAR_LENGTH(s)")).isEqualTo(3L);
    assertThat(eval("CHARACTER_LENGTH(s)")).isEqualTo(3L);
    assertThat(eval("STRLEN('\u00e9t\u00e9')")).isEqualTo(3L);
    assertThat(eval("SUBSTRING(s, 2)")).isEqualTo("oo");
    assertThat(eval("SUBSTRING(s FROM 1 FOR 2)")).isEqualTo("fo");
    assertThat(eval("SUBSTR(s, 3, 1)")).isEqualTo("o");
  }

  @Test
  void strposAndPositionAreOneBasedAndZeroWhenAbsent() {
    assertThat(eval("STRPOS('foo', 'x')")).isEqualTo(0L);
    assertThat(eval("STRPOS(s, 'o')")).isEqualTo(2L);
    assertThat(eval("POSITION('o' IN s)")).isEqualTo(2L);
    assertThat(eval("POSITION('o' IN s FROM 3)")).isEqualTo(3L);
  }

  @Test
  void caseAndPaddingFunctionsTransformStrings() {
    assertThat(eval("UPPER(s)")).isEqualTo("FOO");
    assertThat(eval("LOWER('FoO')")).isEqualTo("foo");
    assertThat(eval("LPAD(s, 5, 'x')")).isEqualTo("xxfoo");
    assertThat(eval("RPAD(s, 5)")).isEqualTo("foo  ");
    assertThat(eval("LPAD(s, 2)")).isEqualTo("fo");
    assertThat(eval("REPEAT(s, 2)")).isEqualTo("foofoo");
    assertThat(eval("REVERSE(s)")).isEqualTo("oof");
    assertThat(eval("REPLACE(s, 'o', '0')")).isEqualTo("f00");
  }

  @Test
  void parseLongReadsARadixAndGivesNullOtherwise() {
    assertThat(eval("PARSE_LONG('ff', 16)")).isEqualTo(255L);
    assertThat(eval("PARSE_LONG('12')")).isEqualTo(12L);
    assertThat(eval("PARSE_LONG(s)")).isNull();
  }

  @Test
  void regularExpressionsUseJavaSyntaxAndDollarReferences() {
    assertThat(eval("REGEXP_EXTRACT(s, 'f(o+)', 1)")).isEqualTo("oo");
    assertThat(eval("REGEXP_EXTRACT(s, 'x')")).isNull();
    assertThat(eval("REGEXP_LIKE(s, '^f.o$')")).isEqualTo(1L);
    assertThat(eval("REGEXP_REPLACE(s, '(o)', '[$1]')")).isEqualTo("f[o][o]");
  }

  @Test
  void stringFormatUsesJavaFormat() {
    assertThat(eval("STRING_FORMAT('%s-%d-%.1f', s, n, d)")).isEqualTo("foo-7--2.8");
  }

  @Test
  void trimsRemoveTheGivenCharacters() {
    Object[] padded = row(null, "  foo  ");
    assertThat(eval("TRIM(s)", padded)).isEqualTo("foo");
    assertThat(eval("TRIM(LEADING 'f' FROM 'ffoo')")).isEqualTo("oo");
    assertThat(eval("TRIM(BOTH 'xy' FROM 'xyfooyx')")).isEqualTo("foo");
    assertThat(eval("BTRIM(s)", padded)).isEqualTo("foo");
    assertThat(eval("LTRIM(s)", padded)).isEqualTo("foo  ");
    assertThat(eval("RTRIM(s, 'o')")).isEqualTo("f");
  }

  @Test
  void likeMatchesWildcardsAndHonoursTheEscape() {
    assertThat(eval("s LIKE 'f%'")).isEqualTo(1L);
    assertThat(eval("s LIKE '_o'")).isEqualTo(0L);
    assertThat(eval("s NOT LIKE 'f%'")).isEqualTo(0L);
    assertThat(eval("'50%' LIKE '50!%' ESCAPE '!'")).isEqualTo(1L);
    assertThat(eval("'500' LIKE '50!%' ESCAPE '!'")).isEqualTo(0L);
  }

  @Test
  void mathFunctionsComputeAsDruidDoes() {
    assertThat(eval("ABS(d)")).isEqualTo(2.75);
    assertThat(eval("CEIL(d)")).isEqualTo(-2.0);
    assertThat(eval("FLOOR(d)")).isEqualTo(-3.0);
    assertThat(eval("EXP(0)")).isEqualTo(1.0);
    assertThat(eval("LN(1)")).isEqualTo(0.0);
    assertThat(eval("LOG10(1000)")).isEqualTo(3.0);
    assertThat(eval("POWER(2, 10)")).isEqualTo(1024.0);
    assertThat(eval("SQRT(16)")).isEqualTo(4.0);
    assertThat(eval("ROUND(d, 1)")).isEqualTo(-2.8);
    assertThat(eval("ROUND(d)")).isEqualTo(-3.0);
    assertThat(eval("MOD(n, 3)")).isEqualTo(1L);
    assertThat(eval("COS(0)")).isEqualTo(1.0);
    assertThat(eval("DEGREES(PI)")).isEqualTo(180.0);
  }

  @Test
  void trigonometricFunctionsAreJavasMath() {
    assertThat(eval("SIN(0)")).isEqualTo(0.0);
    assertThat(eval("TAN(0)")).isEqualTo(0.0);
    assertThat(eval("COT(1)")).isEqualTo(Math.cos(1) / Math.sin(1));
    assertThat(eval("ASIN(1)")).isEqualTo(Math.PI / 2);
    assertThat(eval("ACOS(1)")).isEqualTo(0.0);
    assertThat(eval("ATAN(1)")).isEqualTo(Math.PI / 4);
    assertThat(eval("ATAN2(1, 1)")).isEqualTo(Math.PI / 4);
    assertThat(eval("RADIANS(180)")).isEqualTo(Math.PI);
  }

  @Test
  void humanReadableFormatsPrintSizes() {
    assertThat(eval("HUMAN_READABLE_BINARY_BYTE_FORMAT(1048576)")).isEqualTo("1.00 MiB");
    assertThat(eval("HUMAN_READABLE_DECIMAL_BYTE_FORMAT(1000000, 1)")).isEqualTo("1.0 MB");
    assertThat(eval("HUMAN_READABLE_DECIMAL_FORMAT(1500)")).isEqualTo("1.50 K");
  }

  @Test
  void truncateDropsDigitsTowardsZero() {
    assertThat(eval("TRUNCATE(d, 1)")).isEqualTo(-2.7);
    assertThat(eval("TRUNC(d)")).isEqualTo(-2.0);
    assertThat(eval("TRUNCATE(123.456, -1)")).isEqualTo(120.0);
  }

  @Test
  void divisionFunctionsDivideIntegersAndGuardZero() {
    assertThat(eval("n / 2")).isEqualTo(3L);
    assertThat(eval("DIV(n, 2)")).isEqualTo(3L);
    assertThat(eval("SAFE_DIVIDE(n, 0)")).isNull();
    assertThat(eval("SAFE_DIVIDE(n, 2)")).isEqualTo(3L);
  }

  @Test
  void bitwiseFunctionsWorkOnLongs() {
    assertThat(eval("BITWISE_AND(n, 3)")).isEqualTo(3L);
    assertThat(eval("BITWISE_OR(n, 8)")).isEqualTo(15L);
    assertThat(eval("BITWISE_XOR(n, 1)")).isEqualTo(6L);
    assertThat(eval("BITWISE_COMPLEMENT(n)")).isEqualTo(-8L);
    assertThat(eval("BITWISE_SHIFT_LEFT(n, 1)")).isEqualTo(14L);
    assertThat(eval("BITWISE_SHIFT_RIGHT(n, 1)")).isEqualTo(3L);
    assertThat(eval("BITWISE_CONVERT_LONG_BITS_TO_DOUBLE(BITWISE_CONVERT_DOUBLE_TO_LONG_BITS(d))")).isEqualTo(-2.75);
  }

  @Test
  void greatestAndLeastSkipNulls() {
    assertThat(eval("GREATEST(n, 3, NULL)")).isEqualTo(7L);
    assertThat(eval("LEAST(n, d)")).isEqualTo(-2.75);
    assertThat(eval("GREATEST(s, 'bar')")).isEqualTo("foo");
  }

  @Test
  void nullFunctionsReplaceNulls() {
    Object[] nulls = row(null, null);
    assertThat(eval("NVL(s, 'x')", nulls)).isEqualTo("x");
    assertThat(eval("COALESCE(s, t, 'y')", nulls)).isEqualTo("y");
    assertThat(eval("COALESCE(s, 'y')")).isEqualTo("foo");
    assertThat(eval("NULLIF(s, 'foo')")).isNull();
    assertThat(eval("NULLIF(s, 'bar')")).isEqualTo("foo");
  }

  @Test
  void caseChoosesTheFirstMatchingBranch() {
    assertThat(eval("CASE n WHEN 1 THEN 'one' WHEN 7 THEN 'seven' ELSE 'other' END")).isEqualTo("seven");
    assertThat(eval("CASE WHEN n > 10 THEN 'big' END")).isNull();
  }

  @Test
  void booleanTestsTreatNullAsNeitherTrueNorFalse() {
    Object[] nulls = new Object[] {null, null, null, null};
    assertThat(eval("(n > 1) IS TRUE", nulls)).isEqualTo(0L);
    assertThat(eval("(n > 1) IS NOT TRUE", nulls)).isEqualTo(1L);
    assertThat(eval("(n > 1) IS FALSE", nulls)).isEqualTo(0L);
    assertThat(eval("(n > 1) IS NOT FALSE", nulls)).isEqualTo(1L);
    assertThat(eval("n IS NULL", nulls)).isEqualTo(1L);
    assertThat(eval("(n > 1) IS TRUE")).isEqualTo(1L);
  }

  @Test
  void inAndBetweenCompareWithThreeValuedLogic() {
    assertThat(eval("n IN (1, 7)")).isEqualTo(1L);
    assertThat(eval("n NOT IN (1, 7)")).isEqualTo(0L);
    assertThat(eval("s IN ('bar', 'baz')")).isEqualTo(0L);
    assertThat(eval("n BETWEEN 5 AND 7")).isEqualTo(1L);
    assertThat(eval("n NOT BETWEEN 5 AND 7")).isEqualTo(0L);
    assertThat(eval("n IN (1, 7)", new Object[] {null, null, null, null})).isNull();
  }
}
