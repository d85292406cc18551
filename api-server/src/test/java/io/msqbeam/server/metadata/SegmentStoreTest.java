package io.msqbeam.server.metadata;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentStoreTest {
  private static final long DAY = 86_400_000L;

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
  void publishedSegmentsAreUsedInIntervalThenPartitionOrder() {
    SegmentRecord day2 = segment("wikipedia", 1, "v1", 0);
    SegmentRecord day1p1 = segment("wikipedia", 0, "v1", 1);
    SegmentRecord day1p0 = segment("wikipedia", 0, "v1", 0);

    store.segments().publish(List.of(day2, day1p1, day1p0), List.of());

    assertThat(store.segments().usedSegments("wikipedia")).containsExactly(day1p0, day1p1, day2);
    assertThat(store.segments().usedSegments("other")).isEmpty();
  }

  @Test
  void publishingANewVersionMarksTheOverwrittenSegmentsUnused() {
    SegmentRecord old = segment("wikipedia", 0, "v1", 0);
    store.segments().publish(List.of(old), List.of());
    SegmentRecord replacement = segment("wikipedia", 0, "v2", 0);

    store.segments().publish(List.of(replacement), List.of(old.id()));

    assertThat(store.segments().usedSegments("wikipedia")).containsExactly(replacement);
  }

  @Test
  void aDuplicateIdInTheBatchPublishesNothingFromIt() {
    SegmentRecord existing = segment("wikipedia", 0, "v1", 0);
    store.segments().publish(List.of(existing), List.of());
    SegmentRecord fresh = segment("wikipedia", 1, "v2", 0);
    SegmentRecord duplicate = segment("wikipedia", 2, "v2", 0);
    SegmentRecord clash = new SegmentRecord(duplicate.id(), "wikipedia", 0, DAY, "v2", 1, true, "{}");

    assertThatThrownBy(() -> store.segments().publish(List.of(fresh, duplicate, clash), List.of(existing.id())))
        .isInstanceOf(MetadataStoreException.class)
        .hasMessageStartingWith("Cannot publish 3 segment(s) and mark 1 unused");

    assertThat(store.segments().usedSegments("wikipedia")).containsExactly(existing);
  }

  @Test
  void markingAnUnknownSegmentUnusedPublishesNothing() {
    SegmentRecord fresh = segment("wikipedia", 0, "v1", 0);

    assertThatThrownBy(() -> store.segments().publish(List.of(fresh), List.of("no-such-segment")))
        .isInstanceOf(MetadataStoreException.class)
        .hasMessageContaining("no-such-segment");

    assertThat(store.segments().usedSegments("wikipedia")).isEmpty();
  }

  @Test
  void dataSourcesListsOnlyThoseWithAUsedSegment() {
    SegmentRecord gone = segment("gone", 0, "v1", 0);
    store.segments().publish(
        List.of(segment("wikipedia", 0, "v1", 0), segment("koalas", 0, "v1", 0), gone), List.of());
    store.segments().publish(List.of(), List.of(gone.id()));

    assertThat(store.segments().dataSources()).containsExactly("koalas", "wikipedia");
  }

  @Test
  void segmentsSurviveClosingAndReopeningTheStore() {
    SegmentRecord segment = segment("wikipedia", 0, "v1", 0);
    store.segments().publish(List.of(segment), List.of());
    store.close();

    store = MetadataStore.open(dir);

    assertThat(store.segments().usedSegments("wikipedia")).containsExactly(segment);
  }

  private static SegmentRecord segment(String dataSource, int day, String version, int partition) {
    long start = day * DAY;
    String id = dataSource + "_" + start + "_" + (start + DAY) + "_" + version + (partition == 0 ? "" : "_" + partition);
    String payload = "{\"dataSource\":\"" + dataSource + "\",\"version\":\"" + version + "\",\"size\":" + (1000 + day) + "}";
    return new SegmentRecord(id, dataSource, start, start + DAY, version, partition, true, payload);
  }
}
