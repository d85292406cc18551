package io.msqbeam.translator.sql;

import io.msqbeam.translator.catalog.Lookups;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Druid's {@code lookup} schema: one table per lookup with the columns {@code k} and {@code v}
 * (Druid's {@code LookupSchema}), read as inline rows like a system table, so {@code SELECT * FROM
 * lookup.name} and joins against it run on every executor without a side channel. Unlike {@code sys},
 * the task engine may read them (MSQ joins lookups).
 */
final class LookupSchema {
  static final List<ColumnSignature> COLUMNS =
      List.of(new ColumnSignature("k", ColumnType.STRING), new ColumnSignature("v", ColumnType.STRING));

  private LookupSchema() {}

  /** The tables, in name order. */
  static List<SystemTable> tables(Lookups lookups) {
    List<SystemTable> tables = new ArrayList<>();
    for (String name : lookups.names()) {
      Map<String, String> map = lookups.map(name).orElseThrow();
      tables.add(new SystemTable(RootSchema.LOOKUP, name, COLUMNS, () -> rows(map), Optional.empty()));
    }
    return tables;
  }

  private static List<List<Object>> rows(Map<String, String> map) {
    List<List<Object>> rows = new ArrayList<>(map.size());
    map.forEach((key, value) -> rows.add(Arrays.asList(key, value)));
    return rows;
  }
}
