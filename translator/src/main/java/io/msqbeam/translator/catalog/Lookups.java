package io.msqbeam.translator.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The query-time lookups a statement may use, by name: Druid's {@code map} lookups of the broker's
 * tier, each a key-to-value map. One immutable snapshot is taken per statement, so every LOOKUP call
 * and {@code lookup.<name>} scan of it sees the same maps. Lookups are small by design (Druid holds
 * every one in memory on every process); plans carry the maps they use.
 */
public final class Lookups {
  public static final Lookups NONE = new Lookups(Map.of());

  private final Map<String, Map<String, String>> maps;

  /**
   * @param maps lookup name to its map; values may be null (a key Druid maps to nothing). Names are
   *     kept in name order, entries in the order given.
   */
  public Lookups(Map<String, Map<String, String>> maps) {
    requireNonNull(maps, "maps is null");
    TreeMap<String, Map<String, String>> copy = new TreeMap<>();
    maps.forEach((name, entries) -> copy.put(requireNonNull(name, "name is null"),
        Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(entries, "entries is null")))));
    this.maps = Collections.unmodifiableMap(copy);
  }

  /** The names, in name order. */
  public List<String> names() {
    return List.copyOf(maps.keySet());
  }

  /** The map of lookup {@code name}, or empty when no such lookup exists. */
  public Optional<Map<String, String>> map(String name) {
    return Optional.ofNullable(maps.get(name));
  }
}
