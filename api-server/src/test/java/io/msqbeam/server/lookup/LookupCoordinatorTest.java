package io.msqbeam.server.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.metadata.MetadataStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of Druid's LookupCoordinatorManager over a real metadata store: initialisation, versions,
 * deletion of a tier's last lookup, and what planning sees (the {@code __default} tier's maps).
 */
class LookupCoordinatorTest {
  @TempDir
  Path dir;
  private MetadataStore store;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void open() {
    store = MetadataStore.open(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static LookupSpec map(String version, Map<String, Object> entries) {
    return new LookupSpec(version, Map.of("type", "map", "map", entries));
  }

  @Test
  void refusesAFirstUpdateThatIsNotEmpty() {
    LookupCoordinator coordinator = LookupCoordinator.load(store.config(), json);
    assertThat(coordinator.config()).isEmpty();

    assertThatThrownBy(() -> coordinator.update(Map.of("__default", Map.of("l", map("v1", Map.of("k", "v"))))))
        .isInstanceOfSatisfying(LookupApiException.class, e -> assertThat(e.status()).isEqualTo(500))
        .hasMessage("Not initialized. If this is the first lookup, post an empty map to initialize");

    coordinator.update(Map.of());
    assertThat(coordinator.config()).contains(LookupConfig.EMPTY);
  }

  @Test
  void needsAVersionThatSortsAfterTheStoredOne() {
    LookupCoordinator coordinator = LookupCoordinator.load(store.config(), json);
    coordinator.update(Map.of());
    coordinator.update(Map.of("__default", Map.of("l", map("v2", Map.of("k", "two")))));

    assertThatThrownBy(() -> coordinator.update(Map.of("__default", Map.of("l", map("v1", Map.of("k", "one"))))))
        .isInstanceOfSatisfying(LookupApiException.class, e -> assertThat(e.status()).isEqualTo(500))
        .hasMessageStartingWith("given update for lookup [__default]:[l] can't replace existing spec");
    assertThatThrownBy(() -> coordinator.update(Map.of("__default", Map.of("l", map(null, Map.of("k", "x"))))))
        .hasMessage("lookup [__default]:[l] does not have version.");

    coordinator.update(Map.of("__default", Map.of("l", map("v3", Map.of("k", "three")))));
    assertThat(coordinator.lookups().map("l")).contains(Map.of("k", "three"));
  }

  @Test
  void plannersSeeOnlyTheDefaultTierWithValuesAsText() {
    LookupCoordinator coordinator = LookupCoordinator.load(store.config(), json);
    coordinator.update(Map.of());
    coordinator.update(Map.of("__default", Map.of("numbers", map("v1", Map.of("1", 10, "2", true))),
        "hot", Map.of("other", map("v1", Map.of("k", "v")))));

    assertThat(coordinator.lookups().names()).containsExactly("numbers");
    assertThat(coordinator.lookups().map("numbers")).contains(Map.of("1", "10", "2", "true"));
  }

  @Test
  void deletingATiersLastLookupRemovesTheTierAndTheStoreKeepsIt() {
    LookupCoordinator coordinator = LookupCoordinator.load(store.config(), json);
    coordinator.update(Map.of());
    coordinator.update(Map.of("__default", Map.of("a", map("v1", Map.of("k", "a")), "b", map("v1", Map.of("k", "b")))));

    assertThat(coordinator.delete("__default", "a")).isTrue();
    assertThat(coordinator.delete("__default", "a")).isFalse();
    assertThat(LookupCoordinator.load(store.config(), json).config().orElseThrow().tiers())
        .isEqualTo(Map.of("__default", Map.of("b", map("v1", Map.of("k", "b")))));

    assertThat(coordinator.delete("__default", "b")).isTrue();
    assertThat(coordinator.config()).contains(LookupConfig.EMPTY);
    assertThat(coordinator.deleteTier("__default")).isFalse();
    assertThat(LookupCoordinator.load(store.config(), json).lookups().names()).isEmpty();
  }
}
