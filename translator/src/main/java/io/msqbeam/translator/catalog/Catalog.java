package io.msqbeam.translator.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The datasources a statement may read, as the planner sees them: names, columns and the published
 * segments to read. Implemented by the server over its metadata store.
 */
public interface Catalog {
  Optional<TableDescriptor> table(String dataSource);

  List<String> dataSourceNames();

  /**
   * The rows of the {@code sys} tables. Defaults to none, so catalogs written before system tables
   * existed still plan {@code INFORMATION_SCHEMA} and empty {@code sys} tables.
   */
  default SystemTables systemTables() {
    return SystemTables.NONE;
  }

  /**
   * The query-time lookups ({@code LOOKUP(expr, 'name')} and the {@code lookup} schema). Defaults to
   * none, for catalogs with no server behind them.
   */
  default Lookups lookups() {
    return Lookups.NONE;
  }

  /** A catalog with no datasources (planning of statements that only read external data). */
  static Catalog empty() {
    return new Catalog() {
      @Override
      public Optional<TableDescriptor> table(String dataSource) {
        return Optional.empty();
      }

      @Override
      public List<String> dataSourceNames() {
        return List.of();
      }
    };
  }
}
