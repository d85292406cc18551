package io.msqbeam.pipelines.counters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounterNamesTest {
  @Test
  void namesACounterFieldOfAWorkerAndReadsItBack() {
    String name = CounterNames.name(CounterNames.INPUT0, "rows", 3);
    assertThat(name).isEqualTo("input0.rows@3");
    assertThat(CounterNames.parse(CounterNames.namespace(12), name))
        .contains(new CounterNames.Key(12, 3, "input0", "rows"));
  }

  @Test
  void readsANameWithoutWorkerAsWorkerZerosAndKeepsDotsInFields() {
    assertThat(CounterNames.parse("stage0", "segmentGenerationProgress.rowsPushed"))
        .contains(new CounterNames.Key(0, 0, "segmentGenerationProgress", "rowsPushed"));
    assertThat(CounterNames.parse("stage1", "warnings.Some.Code@1")).contains(new CounterNames.Key(1, 1, "warnings", "Some.Code"));
  }

  @Test
  void ignoresMetricsThatAreNotStageCounters() {
    assertThat(CounterNames.parse("beam", "input0.rows@0")).isEmpty();
    assertThat(CounterNames.parse("stageX", "input0.rows@0")).isEmpty();
    assertThat(CounterNames.parse("stage0", "elementCount")).isEmpty();
  }

  @Test
  void aFlinkTaskThreadWorksForItsSubtaskAndOtherThreadsForWorkerZero() {
    assertThat(WorkerNumber.of("CHAIN DataSource (at Stage0-read/Impulse) -> FlatMap (FlatMap at Stage0-read/ParMultiDo(ReadExternal)) (2/3)#0"))
        .isEqualTo(1);
    assertThat(WorkerNumber.of("GroupReduce (GroupReduce at Stage1-segments/GroupByKey) (1/2)")).isEqualTo(0);
    assertThat(WorkerNumber.of("direct-runner-worker")).isEqualTo(0);
    assertThat(WorkerNumber.of("qtp12345-42")).isEqualTo(0);
  }
}
