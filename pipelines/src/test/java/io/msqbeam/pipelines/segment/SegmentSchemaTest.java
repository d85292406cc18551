package io.msqbeam.pipelines.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentSchemaTest {

  @Test
  void copiesItsDimensionsSoLaterChangesDoNotLeakIn() {
    List<SegmentColumn> dimensions = new ArrayList<>(List.of(new SegmentColumn("a", SegmentColumnType.STRING)));
    SegmentSchema schema = new SegmentSchema("ds", dimensions);
    dimensions.add(new SegmentColumn("b", SegmentColumnType.LONG));

    assertThat(schema.dimensionNames()).containsExactly("a");
    assertThat(schema.metricNames()).isEmpty();
  }

  @Test
  void rejectsNullsWithTheFieldName() {
    assertThatThrownBy(() -> new SegmentSchema(null, List.of())).hasMessage("dataSource is null");
    assertThatThrownBy(() -> new SegmentSchema("ds", null)).hasMessage("dimensions is null");
    assertThatThrownBy(() -> new SegmentColumn(null, SegmentColumnType.LONG)).hasMessage("name is null");
    assertThatThrownBy(() -> new SegmentColumn("a", null)).hasMessage("type is null");
  }

  @Test
  void rejectsDuplicateDimensionsAndTimeAsADimension() {
    assertThatThrownBy(() -> new SegmentSchema(
            "ds", List.of(new SegmentColumn("a", SegmentColumnType.STRING), new SegmentColumn("a", SegmentColumnType.LONG))))
        .hasMessage("Duplicate dimension [a]");
    assertThatThrownBy(() -> new SegmentColumn("__time", SegmentColumnType.LONG))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
