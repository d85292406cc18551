package io.msqbeam.pipelines.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentShardSpecTest {
  private final DruidRuntime druid = DruidRuntime.initialize();

  @Test
  void rangeShardSpecsWriteDruidsRangeJson() throws Exception {
    String json = druid.jsonMapper().writeValueAsString(
        SegmentShardSpec.range(List.of("channel"), List.of("#en"), null, 4).toDruid(1));
    assertThat(json).isEqualTo("{\"type\":\"range\",\"dimensions\":[\"channel\"],\"start\":[\"#en\"],\"end\":null,"
        + "\"partitionNum\":1,\"numCorePartitions\":4}");
  }

  @Test
  void numberedShardSpecsHaveNoCorePartitions() throws Exception {
    String json = druid.jsonMapper().writeValueAsString(SegmentShardSpec.numbered().toDruid(3));
    assertThat(json).isEqualTo("{\"type\":\"numbered\",\"partitionNum\":3,\"partitions\":0}");
  }
}
