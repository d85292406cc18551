package io.msqbeam.server.lookup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Every configured lookup, by tier and name: the document Druid's coordinator keeps under
 * {@code lookupsConfig}. Immutable; each change gives a new configuration, with the rules of Druid's
 * {@code LookupCoordinatorManager}: an update only adds or replaces, a replacement needs a greater
 * version, and deleting a tier's last lookup removes the tier. Tiers and names are kept in name order.
 */
public record LookupConfig(Map<String, Map<String, LookupSpec>> tiers) {
  public static final LookupConfig EMPTY = new LookupConfig(Map.of());

  public LookupConfig {
    requireNonNull(tiers, "tiers is null");
    TreeMap<String, Map<String, LookupSpec>> copy = new TreeMap<>();
    tiers.forEach((tier, lookups) -> copy.put(tier, Collections.unmodifiableMap(new TreeMap<>(lookups))));
    tiers = Collections.unmodifiableMap(copy);
  }

  public Optional<Map<String, LookupSpec>> tier(String tier) {
    return Optional.ofNullable(tiers.get(tier));
  }

  public Optional<LookupSpec> lookup(String tier, String name) {
    return tier(tier).map(lookups -> lookups.get(name));
  }

  /**
   * This configuration with {@code update}'s lookups added or replaced.
   *
   * @throws LookupApiException (500, as Druid answers) when a lookup has no version or would replace
   *     one of an equal or greater version
   */
  public LookupConfig with(Map<String, Map<String, LookupSpec>> update) {
    update.forEach((tier, lookups) -> lookups.forEach((name, spec) -> {
      if (spec.version() == null) {
        throw LookupApiException.serverError("lookup [" + tier + "]:[" + name + "] does not have version.");
      }
    }));
    Map<String, Map<String, LookupSpec>> updated = new LinkedHashMap<>(tiers);
    update.forEach((tier, lookups) -> {
      Map<String, LookupSpec> tierLookups = new LinkedHashMap<>(tiers.getOrDefault(tier, Map.of()));
      lookups.forEach((name, spec) -> {
        LookupSpec existing = tierLookups.get(name);
        if (existing != null && !spec.replaces(existing)) {
          throw LookupApiException.serverError("given update for lookup [" + tier + "]:[" + name
              + "] can't replace existing spec [" + existing + "].");
        }
      });
      tierLookups.putAll(lookups);
      updated.put(tier, tierLookups);
    });
    return new LookupConfig(updated);
  }

  /** This configuration without the lookup, or empty when there is no such lookup. */
  public Optional<LookupConfig> without(String tier, String name) {
    Map<String, LookupSpec> tierLookups = tiers.get(tier);
    if (tierLookups == null || !tierLookups.containsKey(name)) {
      return Optional.empty();
    }
    Map<String, LookupSpec> remaining = new LinkedHashMap<>(tierLookups);
    remaining.remove(name);
    Map<String, Map<String, LookupSpec>> updated = new LinkedHashMap<>(tiers);
    if (remaining.isEmpty()) {
      updated.remove(tier);
    } else {
      updated.put(tier, remaining);
    }
    return Optional.of(new LookupConfig(updated));
  }

  /** This configuration without the tier, or empty when there is no such tier. */
  public Optional<LookupConfig> withoutTier(String tier) {
    if (!tiers.containsKey(tier)) {
      return Optional.empty();
    }
    Map<String, Map<String, LookupSpec>> updated = new LinkedHashMap<>(tiers);
    updated.remove(tier);
    return Optional.of(new LookupConfig(updated));
  }
}
