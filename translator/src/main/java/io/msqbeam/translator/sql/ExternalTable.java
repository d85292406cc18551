package io.msqbeam.translator.sql;

import io.msqbeam.translator.plan.ExternalInputSpec;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import static java.util.Objects.requireNonNull;

/** The table an EXTERN call produces: its rows come from {@link #spec()}, typed by the declared signature. */
public final class ExternalTable extends AbstractTable implements TranslatableTable {
  private final ExternalInputSpec spec;

  public ExternalTable(ExternalInputSpec spec) {
    this.spec = requireNonNull(spec, "spec is null");
  }

  public ExternalInputSpec spec() {
    return spec;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DruidTypes.rowType(typeFactory, spec.signature());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return LogicalTableScan.create(context.getCluster(), relOptTable, context.getTableHints());
  }
}
