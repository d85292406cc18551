package io.msqbeam.translator.sql;

import static java.util.Objects.requireNonNull;

import io.msqbeam.translator.plan.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A Druid {@code COMPLEX<…>} type as Calcite sees it: SQL type OTHER whose digest is Druid's type name,
 * as Druid's own {@code RowSignatures.ComplexSqlType} is, so that two complex types stay apart after
 * Calcite canonizes types by digest and {@code INFORMATION_SCHEMA} can print {@code COMPLEX<json>}.
 * Always nullable: Calcite cannot change the nullability of a type it does not know.
 */
public final class ComplexSqlType extends AbstractSqlType {
  private final ColumnType columnType;

  private ComplexSqlType(ColumnType columnType) {
    super(SqlTypeName.OTHER, true, null);
    this.columnType = requireNonNull(columnType, "columnType is null");
    computeDigest();
  }

  /** The canonical {@code COMPLEX<json>} type of a factory. */
  public static RelDataType json(RelDataTypeFactory factory) {
    return of(factory, ColumnType.JSON);
  }

  /** The canonical type of a factory for a complex column type ({@code COMPLEX<hyperUnique>}, …). */
  public static RelDataType of(RelDataTypeFactory factory, ColumnType columnType) {
    if (!columnType.isComplex()) {
      throw new IllegalArgumentException(columnType + " is not a complex type");
    }
    return factory.createTypeWithNullability(new ComplexSqlType(columnType), true);
  }

  /** The native type this SQL type stands for. */
  public ColumnType columnType() {
    return columnType;
  }

  /** Whether a SQL type is {@code COMPLEX<json>}. */
  public static boolean isJson(RelDataType type) {
    return type instanceof ComplexSqlType complex && complex.columnType == ColumnType.JSON;
  }

  /** Druid's name of the type, e.g. {@code COMPLEX<json>}. */
  public String druidName() {
    return columnType.druidName();
  }

  @Override
  protected void generateTypeString(StringBuilder sb, boolean withDetail) {
    sb.append(columnType.druidName());
  }
}
