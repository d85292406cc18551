package io.msqbeam.translator.sql;

import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Druid's JSON functions that are plain calls (§7.3, Druid's NestedDataOperatorConversions), each the
 * native macro of the same name. PARSE_JSON, TRY_PARSE_JSON, JSON_QUERY, JSON_OBJECT and JSON_MERGE give Druid's
 * {@code COMPLEX<json>} ({@link ComplexSqlType}). JSON_QUERY and JSON_OBJECT replace Calcite's own
 * operators of those names, which type their result VARCHAR ({@link JsonCallRewriter}).
 */
public final class JsonFunctions {
  private static final SqlReturnTypeInference JSON = binding -> ComplexSqlType.json(binding.getTypeFactory());
  private static final SqlReturnTypeInference STRING_ARRAY = binding -> {
    RelDataTypeFactory factory = binding.getTypeFactory();
    return factory.createTypeWithNullability(
        factory.createArrayType(nullable(factory, SqlTypeName.VARCHAR), -1), true);
  };

  private static final SqlReturnTypeInference JSON_ARRAY = binding -> {
    RelDataTypeFactory factory = binding.getTypeFactory();
    return factory.createTypeWithNullability(
        factory.createArrayType(ComplexSqlType.json(binding.getTypeFactory()), -1), true);
  };

  /** Each SQL function's native Druid function. */
  public static final Map<String, String> NATIVE_NAMES = Map.of(
      "PARSE_JSON", "parse_json", "TRY_PARSE_JSON", "try_parse_json", "TO_JSON_STRING", "to_json_string",
      "JSON_KEYS", "json_keys", "JSON_PATHS", "json_paths", "JSON_QUERY", "json_query", "JSON_OBJECT", "json_object",
      "JSON_MERGE", "json_merge", "JSON_QUERY_ARRAY", "json_query_array");

  /** JSON_QUERY(expr, path): the value (object, array or literal) at a JSONPath, as {@code COMPLEX<json>}. */
  public static final SqlFunction JSON_QUERY = function("JSON_QUERY", JSON,
      OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.STRING));

  /** JSON_OBJECT(KEY k VALUE v, …), with the keys and values alternating as Druid's json_object takes them. */
  public static final SqlFunction JSON_OBJECT = function("JSON_OBJECT", JSON, OperandTypes.VARIADIC);

  private JsonFunctions() {}

  public static List<SqlOperator> all() {
    return List.of(
        function("PARSE_JSON", JSON, OperandTypes.family(SqlTypeFamily.STRING)),
        function("TRY_PARSE_JSON", JSON, OperandTypes.family(SqlTypeFamily.STRING)),
        function("TO_JSON_STRING", ReturnTypes.VARCHAR_FORCE_NULLABLE, OperandTypes.ANY),
        function("JSON_KEYS", STRING_ARRAY, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.STRING)),
        function("JSON_PATHS", STRING_ARRAY, OperandTypes.ANY),
        JSON_QUERY,
        // JSON_QUERY_ARRAY(expr, path): the array at a JSONPath as an array of JSON values (a non-array value
        // as an array of one), as ARRAY<COMPLEX<json>>.
        function("JSON_QUERY_ARRAY", JSON_ARRAY, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.STRING)),
        JSON_OBJECT,
        // JSON_MERGE(expr1, expr2[, …]): JSON strings or values merged, the rightmost value of a key kept.
        function("JSON_MERGE", JSON, OperandTypes.repeat(SqlOperandCountRanges.from(2), OperandTypes.ANY)));
  }

  private static org.apache.calcite.rel.type.RelDataType nullable(RelDataTypeFactory factory, SqlTypeName type) {
    return factory.createTypeWithNullability(factory.createSqlType(type), true);
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
  }
}
