package io.msqbeam.translator.sql;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.catalog.Lookups;
import io.msqbeam.translator.catalog.SystemTables;
import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.sql.InformationSchema.SchemaListing;
import io.msqbeam.translator.sql.InformationSchema.TableListing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The Calcite root schema of a statement, shaped like Druid's: {@code druid} (the default schema, one
 * table per datasource), {@code INFORMATION_SCHEMA}, {@code lookup} (empty), {@code sys} and
 * {@code view} (empty). Schemas and tables are listed in Calcite's name order, as Druid lists them.
 */
public final class RootSchema {
  /** Druid's default schema, so {@code wikipedia} and {@code druid.wikipedia} name the same table. */
  public static final String DRUID = "druid";
  public static final String LOOKUP = "lookup";
  public static final String VIEW = "view";

  /** Calcite's name order: case-insensitive first, so {@code druid} comes before {@code INFORMATION_SCHEMA}. */
  private static final Comparator<String> NAME_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private RootSchema() {}

  public static CalciteSchema of(Catalog catalog) {
    return of(catalog, catalog.lookups());
  }

  /** As {@link #of(Catalog)}, with the statement's snapshot of the lookups. */
  public static CalciteSchema of(Catalog catalog, Lookups lookups) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    SystemTables systemTables = catalog.systemTables();

    CalciteSchema druid = root.add(DRUID, new AbstractSchema());
    List<TableListing> dataSources = new ArrayList<>();
    for (String name : catalog.dataSourceNames().stream().sorted(NAME_ORDER).toList()) {
      TableDescriptor descriptor = catalog.table(name).orElseThrow();
      druid.add(name, new DruidTable(descriptor));
      dataSources.add(new TableListing(name, "TABLE", descriptor.columns()));
    }
    List<SystemTable> sys = SysSchema.tables(systemTables);
    List<SystemTable> lookupTables = LookupSchema.tables(lookups);
    List<SchemaListing> listing = List.of(
        new SchemaListing(DRUID, dataSources),
        InformationSchema.listing(),
        new SchemaListing(LOOKUP, lookupTables.stream().map(t ->
            new TableListing(t.tableName(), "TABLE", t.columns())).toList()),
        listingOf(SysSchema.NAME, sys),
        new SchemaListing(VIEW, List.of()));

    addAll(root.add(InformationSchema.NAME, new AbstractSchema()),
        InformationSchema.tables(listing, systemTables.refusingEngine()));
    addAll(root.add(LOOKUP, new AbstractSchema()), lookupTables);
    addAll(root.add(SysSchema.NAME, new AbstractSchema()), sys);
    root.add(VIEW, new AbstractSchema());
    return root;
  }

  private static SchemaListing listingOf(String schema, List<SystemTable> tables) {
    return new SchemaListing(schema, tables.stream().map(t ->
        new TableListing(t.tableName(), "SYSTEM_TABLE", t.columns())).toList());
  }

  private static void addAll(CalciteSchema schema, List<SystemTable> tables) {
    for (SystemTable table : tables) {
      schema.add(table.tableName(), table);
    }
  }
}
