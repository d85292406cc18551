package io.msqbeam.translator.sql;

import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Druid's multi-value string (MV_*) and array (ARRAY_*) functions as Calcite operators (§7.5), each
 * with the native function Druid's SQL layer turns it into ({@link #NATIVE_NAMES}); the pipelines
 * evaluate those with Druid's own expression library, so their semantics are Druid's.
 *
 * <p>A multi-value string is a VARCHAR in SQL, as in Druid: the MV_* functions that return several
 * values return VARCHAR, and their rows hold the values as a multi-value string. Operands are not
 * type-checked beyond their count, since Druid's array functions take a multi-value string or an
 * array alike. MV_TO_ARRAY's operator is {@code DruidFunctions.MV_TO_ARRAY} (UNNEST plans it specially).
 */
public final class ArrayFunctions {
  private static final SqlReturnTypeInference MULTI_VALUE = ReturnTypes.VARCHAR_FORCE_NULLABLE;
  private static final SqlReturnTypeInference LONG = ReturnTypes.BIGINT_FORCE_NULLABLE;
  private static final SqlReturnTypeInference BOOLEAN = ReturnTypes.BOOLEAN_FORCE_NULLABLE;
  private static final SqlReturnTypeInference STRING_ARRAY = binding -> stringArray(binding.getTypeFactory());

  /** Each SQL function's native Druid function (Druid's MultiValueStringOperatorConversions and ArrayOperatorConversions). */
  public static final Map<String, String> NATIVE_NAMES = Map.ofEntries(
      Map.entry("MV_LENGTH", "array_length"), Map.entry("MV_CONTAINS", "array_contains"),
      Map.entry("MV_OVERLAP", "array_overlap"), Map.entry("MV_OFFSET", "array_offset"),
      Map.entry("MV_ORDINAL", "array_ordinal"), Map.entry("MV_OFFSET_OF", "array_offset_of"),
      Map.entry("MV_ORDINAL_OF", "array_ordinal_of"), Map.entry("MV_PREPEND", "array_prepend"),
      Map.entry("MV_APPEND", "array_append"), Map.entry("MV_CONCAT", "array_concat"),
      Map.entry("MV_SLICE", "array_slice"), Map.entry("MV_TO_STRING", "array_to_string"),
      Map.entry("STRING_TO_MV", "string_to_array"), Map.entry("MV_TO_ARRAY", "mv_to_array"),
      Map.entry("ARRAY_TO_MV", "array_to_mv"),
      Map.entry("ARRAY_LENGTH", "array_length"), Map.entry("ARRAY_CONTAINS", "array_contains"),
      Map.entry("ARRAY_OVERLAP", "array_overlap"), Map.entry("ARRAY_OFFSET", "array_offset"),
      Map.entry("ARRAY_ORDINAL", "array_ordinal"), Map.entry("ARRAY_OFFSET_OF", "array_offset_of"),
      Map.entry("ARRAY_ORDINAL_OF", "array_ordinal_of"), Map.entry("ARRAY_PREPEND", "array_prepend"),
      Map.entry("ARRAY_APPEND", "array_append"), Map.entry("ARRAY_CONCAT", "array_concat"),
      Map.entry("ARRAY_SLICE", "array_slice"), Map.entry("ARRAY_TO_STRING", "array_to_string"),
      Map.entry("STRING_TO_ARRAY", "string_to_array"), Map.entry("SCALAR_IN_ARRAY", "scalar_in_array"));

  private ArrayFunctions() {}

  public static List<SqlOperator> all() {
    return List.of(
        function("MV_LENGTH", LONG, 1, 1), function("MV_CONTAINS", BOOLEAN, 2, 2),
        function("MV_OVERLAP", BOOLEAN, 2, 2), function("MV_OFFSET", MULTI_VALUE, 2, 2),
        function("MV_ORDINAL", MULTI_VALUE, 2, 2), function("MV_OFFSET_OF", LONG, 2, 2),
        function("MV_ORDINAL_OF", LONG, 2, 2), function("MV_PREPEND", MULTI_VALUE, 2, 2),
        function("MV_APPEND", MULTI_VALUE, 2, 2), function("MV_CONCAT", MULTI_VALUE, 2, 2),
        function("MV_SLICE", MULTI_VALUE, 2, 3), function("MV_TO_STRING", MULTI_VALUE, 2, 2),
        function("STRING_TO_MV", MULTI_VALUE, 2, 2),
        function("ARRAY_TO_MV", MULTI_VALUE, 1, 1), function("MV_FILTER_ONLY", MULTI_VALUE, 2, 2),
        function("MV_FILTER_NONE", MULTI_VALUE, 2, 2),
        function("ARRAY_LENGTH", LONG, 1, 1), function("ARRAY_CONTAINS", BOOLEAN, 2, 2),
        function("ARRAY_OVERLAP", BOOLEAN, 2, 2), function("ARRAY_OFFSET", ArrayFunctions::elementOfFirst, 2, 2),
        function("ARRAY_ORDINAL", ArrayFunctions::elementOfFirst, 2, 2), function("ARRAY_OFFSET_OF", LONG, 2, 2),
        function("ARRAY_ORDINAL_OF", LONG, 2, 2),
        function("ARRAY_PREPEND", binding -> arrayOf(binding.getTypeFactory(), binding.getOperandType(1)), 2, 2),
        function("ARRAY_APPEND", binding -> arrayOf(binding.getTypeFactory(), binding.getOperandType(0)), 2, 2),
        function("ARRAY_CONCAT", binding -> arrayOf(binding.getTypeFactory(), binding.getOperandType(0)), 2, 2),
        function("ARRAY_SLICE", binding -> arrayOf(binding.getTypeFactory(), binding.getOperandType(0)), 2, 3),
        function("ARRAY_TO_STRING", MULTI_VALUE, 2, 2), function("STRING_TO_ARRAY", STRING_ARRAY, 2, 2),
        function("SCALAR_IN_ARRAY", BOOLEAN, 2, 2));
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType, int min, int max) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null,
        OperandTypes.variadic(SqlOperandCountRanges.between(min, max)), SqlFunctionCategory.SYSTEM);
  }

  /** ARRAY_OFFSET/ORDINAL: an element of the array operand; a multi-value string's element is a VARCHAR. */
  private static RelDataType elementOfFirst(org.apache.calcite.sql.SqlOperatorBinding binding) {
    RelDataTypeFactory factory = binding.getTypeFactory();
    RelDataType array = binding.getOperandType(0);
    RelDataType element = array.getComponentType() != null ? array.getComponentType()
        : factory.createSqlType(SqlTypeName.VARCHAR);
    return factory.createTypeWithNullability(element, true);
  }

  /** The array type of an operand: itself when it is an array, else (a multi-value string) VARCHAR ARRAY. */
  private static RelDataType arrayOf(RelDataTypeFactory factory, RelDataType operand) {
    if (operand.getSqlTypeName() == SqlTypeName.ARRAY) {
      return factory.createTypeWithNullability(operand, true);
    }
    return stringArray(factory);
  }

  private static RelDataType stringArray(RelDataTypeFactory factory) {
    RelDataType varchar = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true);
    return factory.createTypeWithNullability(factory.createArrayType(varchar, -1), true);
  }
}
