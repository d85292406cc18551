package io.msqbeam.pipelines.expr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.druid.math.expr.ExprMacroTable;
import org.apache.druid.query.expression.CaseInsensitiveContainsExprMacro;
import org.apache.druid.query.expression.ContainsExprMacro;
import org.apache.druid.query.expression.IPv4AddressMatchExprMacro;
import org.apache.druid.query.expression.IPv4AddressParseExprMacro;
import org.apache.druid.query.expression.IPv4AddressStringifyExprMacro;
import org.apache.druid.query.expression.IPv6AddressMatchExprMacro;
import org.apache.druid.query.expression.LikeExprMacro;
import org.apache.druid.query.expression.NestedDataExpressions;
import org.apache.druid.query.expression.RegexpExtractExprMacro;
import org.apache.druid.query.expression.RegexpLikeExprMacro;
import org.apache.druid.query.expression.RegexpReplaceExprMacro;
import org.apache.druid.query.expression.TimestampCeilExprMacro;
import org.apache.druid.query.expression.TimestampExtractExprMacro;
import org.apache.druid.query.expression.TimestampFloorExprMacro;
import org.apache.druid.query.expression.TimestampFormatExprMacro;
import org.apache.druid.query.expression.TimestampShiftExprMacro;
import org.apache.druid.query.expression.TrimExprMacro;

/** The Druid expression macros (functions implemented outside the core parser) that plans may use. */
public final class DruidExprMacros {
  /** PARSE_JSON's and TO_JSON_STRING's mapper: plain JSON, as Druid's default mapper for these values. */
  private static final ObjectMapper JSON = io.msqbeam.pipelines.row.JsonValues.MAPPER;
  private static final ExprMacroTable TABLE = new ExprMacroTable(List.of(
      new FastTimestampParseExprMacro(),
      new TimestampFloorExprMacro(),
      new TimestampCeilExprMacro(),
      new TimestampFormatExprMacro(),
      new TimestampShiftExprMacro(),
      new TimestampExtractExprMacro(),
      new LikeExprMacro(),
      new RegexpExtractExprMacro(),
      new RegexpLikeExprMacro(),
      new RegexpReplaceExprMacro(),
      new ContainsExprMacro(),
      new CaseInsensitiveContainsExprMacro(),
      new TrimExprMacro.BothTrimExprMacro(),
      new TrimExprMacro.LeftTrimExprMacro(),
      new TrimExprMacro.RightTrimExprMacro(),
      new IPv4AddressMatchExprMacro(),
      new IPv4AddressParseExprMacro(),
      new IPv4AddressStringifyExprMacro(),
      new IPv6AddressMatchExprMacro(),
      new NestedDataExpressions.ParseJsonExprMacro(JSON),
      new NestedDataExpressions.TryParseJsonExprMacro(JSON),
      new NestedDataExpressions.ToJsonStringExprMacro(JSON),
      new NestedDataExpressions.JsonKeysExprMacro(),
      new NestedDataExpressions.JsonPathsExprMacro(),
      new NestedDataExpressions.JsonValueExprMacro(),
      new NestedDataExpressions.JsonQueryExprMacro(),
      new NestedDataExpressions.JsonQueryArrayExprMacro(),
      new NestedDataExpressions.JsonObjectExprMacro(),
      new NestedDataExpressions.JsonMergeExprMacro(JSON),
      new MapLookupExprMacro()));

  private DruidExprMacros() {}

  public static ExprMacroTable table() {
    return TABLE;
  }
}
