package io.msqbeam.server.metadata;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStoreTest {
  @TempDir
  Path dir;
  private MetadataStore store;

  @BeforeEach
  void open() {
    store = MetadataStore.open(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void insertedTaskIsFoundWithEveryField() {
    TaskRecord task = TaskRecord.submitted("query-1", "query_controller", "wikipedia",
        "INSERT INTO wikipedia SELECT 1", "{\"maxNumTasks\":2}", 1_000L);

    store.tasks().insert(task);

    assertThat(store.tasks().find("query-1")).contains(task);
    assertThat(task.sqlText()).isEqualTo("INSERT INTO wikipedia SELECT 1");
    assertThat(task.durationMs()).isEqualTo(-1);
    assertThat(task.locationHost()).isNull();
  }

  @Test
  void unknownTaskIsEmpty() {
    assertThat(store.tasks().find("nope")).isEmpty();
  }

  @Test
  void updateWritesStatusLocationAndReport() {
    TaskRecord task = TaskRecord.submitted("query-1", "query_controller", "wikipedia", null, "{}", 1_000L);
    store.tasks().insert(task);
    String bigReport = "{\"report\":\"" + "x".repeat(100_000) + "\"}";
    TaskRecord failed = task
        .withStatus("FAILED", "NONE", 2_070, "InsertTimeNull: Null timestamp (__time) encountered.")
        .withLocation("localhost", 8888)
        .withReportJson(bigReport)
        .withUpdatedTime(3_070);

    store.tasks().update(failed);

    assertThat(store.tasks().find("query-1")).contains(failed);
  }

  @Test
  void updatingAnUnknownTaskFails() {
    TaskRecord ghost = TaskRecord.submitted("ghost", "query_controller", "x", null, "{}", 1L);

    assertThatThrownBy(() -> store.tasks().update(ghost))
        .isInstanceOf(MetadataStoreException.class)
        .hasMessageContaining("ghost");
  }

  @Test
  void insertingTheSameIdTwiceFails() {
    TaskRecord task = TaskRecord.submitted("query-1", "query_controller", "x", null, "{}", 1L);
    store.tasks().insert(task);

    assertThatThrownBy(() -> store.tasks().insert(task))
        .isInstanceOf(MetadataStoreException.class)
        .hasMessageContaining("query-1");
  }

  @Test
  void allListsTasksOldestFirst() {
    store.tasks().insert(TaskRecord.submitted("b", "query_controller", "x", null, "{}", 2L));
    store.tasks().insert(TaskRecord.submitted("a", "query_controller", "x", null, "{}", 3L));
    store.tasks().insert(TaskRecord.submitted("c", "query_controller", "x", null, "{}", 1L));

    assertThat(store.tasks().all()).extracting(TaskRecord::id).containsExactly("c", "b", "a");
  }

  @Test
  void tasksSurviveClosingAndReopeningTheStore() {
    TaskRecord task = TaskRecord.submitted("query-1", "query_controller", "wikipedia", "SELECT 1", "{}", 1L)
        .withStatus("SUCCESS", "WAITING", 10, null);
    store.tasks().insert(task);
    store.close();

    store = MetadataStore.open(dir);

    assertThat(store.tasks().all()).containsExactly(task);
  }

  @Test
  void reopeningAMigratedStoreKeepsItsSchemaVersion() throws Exception {
    store.close();
    store = MetadataStore.open(dir);

    try (var connection = store.dataSource().getConnection()) {
      assertThat(MetadataSchema.currentVersion(connection)).isEqualTo(MetadataSchema.latestVersion());
    }
  }
}
