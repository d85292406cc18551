package io.msqbeam.translator.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies maps for plan values: insertion-ordered (so JSON is deterministic) and unmodifiable. */
final class PlanMaps {
  private PlanMaps() {}

  static <K, V> Map<K, V> ordered(Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
