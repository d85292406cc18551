package io.msqbeam.server.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.metadata.ConfigStore;
import io.msqbeam.translator.catalog.Lookups;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The lookups configuration of this server, as Druid's coordinator manages it
 * ({@code LookupCoordinatorManager}), persisted in the metadata store under Druid's key
 * {@code lookupsConfig} so it survives a restart. Until something is posted, even {@code {}}, there is
 * no configuration at all, and Druid refuses to add a lookup to it.
 *
 * <p>Queries see the {@code __default} tier (the tier a Druid broker belongs to unless configured
 * otherwise) from the moment an update is stored; Druid brokers pick changes up on their next poll.
 */
public final class LookupCoordinator {
  public static final String DEFAULT_TIER = "__default";
  static final String CONFIG_KEY = "lookupsConfig";

  private final ConfigStore store;
  private final ObjectMapper json;
  /** Null until the configuration is first initialised. */
  private volatile LookupConfig config;
  private volatile Lookups queryLookups;

  private LookupCoordinator(ConfigStore store, ObjectMapper json, LookupConfig config) {
    this.store = store;
    this.json = json;
    this.config = config;
    this.queryLookups = queryLookups(config);
  }

  /** Reads the stored configuration, if any. */
  public static LookupCoordinator load(ConfigStore store, ObjectMapper json) {
    requireNonNull(store, "store is null");
    requireNonNull(json, "json is null");
    LookupConfig config = store.get(CONFIG_KEY).map(document -> {
      try {
        return new LookupConfig(json.readValue(document, new TypeReference<Map<String, Map<String, LookupSpec>>>() {}));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("Cannot read the stored lookups configuration", e);
      }
    }).orElse(null);
    return new LookupCoordinator(store, json, config);
  }

  /** The configuration, or empty when it was never initialised. */
  public Optional<LookupConfig> config() {
    return Optional.ofNullable(config);
  }

  /** The map lookups of the {@code __default} tier, for planning. */
  public Lookups lookups() {
    return queryLookups;
  }

  /**
   * Adds or replaces lookups (an empty update initialises the configuration).
   *
   * @throws LookupApiException 400 for a lookup type other than {@code map}; 500, as Druid, for a
   *     missing version, a version that does not replace the existing one, or a first update that is
   *     not empty
   */
  public synchronized void update(Map<String, Map<String, LookupSpec>> update) {
    update.forEach((tier, lookups) -> lookups.forEach((name, spec) -> MapLookupFactory.entries(tier, name, spec)));
    if (update.isEmpty() && config != null) {
      return;
    }
    if (config == null && !update.isEmpty()) {
      // Druid's guard against erasing a configuration it has not read yet.
      throw LookupApiException.serverError("Not initialized. If this is the first lookup, post an empty map to initialize");
    }
    store(config == null ? new LookupConfig(update) : config.with(update));
  }

  /** Deletes a lookup; false when there is no such lookup. */
  public synchronized boolean delete(String tier, String name) {
    Optional<LookupConfig> updated = config().flatMap(c -> c.without(tier, name));
    updated.ifPresent(this::store);
    return updated.isPresent();
  }

  /** Deletes a tier with all its lookups; false when there is no such tier. */
  public synchronized boolean deleteTier(String tier) {
    Optional<LookupConfig> updated = config().flatMap(c -> c.withoutTier(tier));
    updated.ifPresent(this::store);
    return updated.isPresent();
  }

  private void store(LookupConfig updated) {
    try {
      store.set(CONFIG_KEY, json.writeValueAsString(updated.tiers()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write the lookups configuration", e);
    }
    queryLookups = queryLookups(updated);
    config = updated;
  }

  private static Lookups queryLookups(LookupConfig config) {
    if (config == null) {
      return Lookups.NONE;
    }
    Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    config.tier(DEFAULT_TIER).orElse(Map.of()).forEach((name, spec) ->
        maps.put(name, MapLookupFactory.entries(DEFAULT_TIER, name, spec)));
    return new Lookups(maps);
  }
}
