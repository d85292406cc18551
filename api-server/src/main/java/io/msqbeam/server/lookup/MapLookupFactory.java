package io.msqbeam.server.lookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code map} lookup factory ({@code {"type": "map", "map": {key: value, …}}}), the one lookup
 * type this server runs. Other types (JDBC, URI, Kafka, …) need extensions and a loading process that
 * we do not have, so they are refused when posted rather than accepted and never loaded.
 */
final class MapLookupFactory {
  static final String TYPE = "map";

  private MapLookupFactory() {}

  /**
   * The key-value map of a spec, checked.
   *
   * @throws LookupApiException (400) when the factory is not a {@code map} one or its map is not an
   *     object of scalar values
   */
  static Map<String, String> entries(String tier, String name, LookupSpec spec) {
    Object type = spec.lookupExtractorFactory().get("type");
    if (!TYPE.equals(type)) {
      throw LookupApiException.badRequest("Lookup [" + tier + "]:[" + name + "] has lookupExtractorFactory type ["
          + type + "], but only type [map] is supported");
    }
    if (!(spec.lookupExtractorFactory().get("map") instanceof Map<?, ?> map)) {
      throw LookupApiException.badRequest("Lookup [" + tier + "]:[" + name + "] of type [map] needs a [map] object");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        throw LookupApiException.badRequest("Lookup [" + tier + "]:[" + name + "] maps key [" + entry.getKey()
            + "] to a JSON " + (value instanceof Map<?, ?> ? "object" : "array") + "; values must be strings");
      }
      // Druid reads the map as Map<String, String>: numbers and booleans become their text.
      entries.put(String.valueOf(entry.getKey()), value == null ? null : value.toString());
    }
    return entries;
  }
}
