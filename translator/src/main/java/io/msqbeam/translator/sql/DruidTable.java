package io.msqbeam.translator.sql;

import io.msqbeam.translator.catalog.TableDescriptor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

import static java.util.Objects.requireNonNull;

/** A Druid datasource as a Calcite table; scans of it become stages reading its segments. */
public final class DruidTable extends AbstractTable {
  private final TableDescriptor descriptor;

  public DruidTable(TableDescriptor descriptor) {
    this.descriptor = requireNonNull(descriptor, "descriptor is null");
  }

  public TableDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DruidTypes.rowType(typeFactory, descriptor.columns());
  }
}
