package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.Fault;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Druid's faults of joins that outgrow their memory bounds, with Druid's fields and messages. */
final class JoinFaults {
  /** Druid's bound on the rows of one key buffered by a sort-merge join (Limits.MAX_BUFFERED_BYTES_FOR_SORT_MERGE_JOIN). */
  static final long MAX_BUFFERED_BYTES_PER_KEY = 10_000_000L;

  private JoinFaults() {}

  static Fault broadcastTablesTooLarge(long maxBroadcastTablesSize) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("maxBroadcastTablesSize", maxBroadcastTablesSize);
    fields.put("configuredJoinAlgorithm", null);
    return new Fault("BroadcastTablesTooLarge", String.format("Size of broadcast tables in JOIN exceeds reserved memory"
        + " limit (memory reserved for broadcast tables = [%,d] bytes). Increase available memory, or set"
        + " [sqlJoinAlgorithm: sortMerge] in query context to use a shuffle-based join.", maxBroadcastTablesSize), fields);
  }

  static Fault tooManyRowsWithSameKey(Object[] key, long numBytes, long maxBytes) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("key", Arrays.asList(key));
    fields.put("numBytes", numBytes);
    fields.put("maxBytes", maxBytes);
    return new Fault("TooManyRowsWithSameKey", String.format("Too many rows with the same key[%s] on both sides of"
        + " sort-merge join (bytes buffered[%,d], limit[%,d]).", Arrays.asList(key), numBytes, maxBytes), fields);
  }
}
