package io.msqbeam.server.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The shape of fixture msq-d's final report, trimmed. */
  private static final String SELECT_REPORT = "{\"multiStageQuery\":{\"type\":\"multiStageQuery\",\"taskId\":\"query-d\","
      + "\"payload\":{\"status\":{\"status\":\"SUCCESS\"},\"stages\":[{\"stageNumber\":0}],"
      + "\"counters\":{\"0\":{\"0\":{\"output\":{\"type\":\"channel\",\"rows\":[2]}}}},"
      + "\"results\":{\"signature\":[{\"name\":\"channel\",\"type\":\"STRING\"},{\"name\":\"edits\",\"type\":\"LONG\"}],"
      + "\"sqlTypeNames\":[\"VARCHAR\",\"BIGINT\"],\"results\":[[\"#en.wikipedia\",11549],[\"#vi.wikipedia\",9747]],"
      + "\"resultsTruncated\":false}}},\"taskContext\":{\"type\":\"taskContext\",\"payload\":{}}}";

  @Test
  void countsAndMeasuresTheRowsAndKeepsTheRestAsTrees() throws Exception {
    StoredReport.Summary summary = new StoredReport(JSON, SELECT_REPORT).summary();
    assertThat(summary.hasResults()).isTrue();
    assertThat(summary.rowCount()).isEqualTo(2);
    assertThat(summary.rowBytes()).isEqualTo("[\"#en.wikipedia\",11549]".length() + "[\"#vi.wikipedia\",9747]".length());
    assertThat(summary.status().path("status").asText()).isEqualTo("SUCCESS");
    assertThat(summary.stages().size()).isEqualTo(1);
    assertThat(summary.counters().at("/0/0/output/rows/0").asLong()).isEqualTo(2);
    assertThat(summary.sqlTypeNames().toString()).isEqualTo("[\"VARCHAR\",\"BIGINT\"]");
    assertThat(StatementSchema.of(summary)).extracting(c -> c.name() + ":" + c.sqlType() + ":" + c.nativeType())
        .containsExactly("channel:VARCHAR:STRING", "edits:BIGINT:LONG");
  }

  @Test
  void handsOutTheRowsOneAtATimeInOrder() throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    new StoredReport(JSON, SELECT_REPORT).forEachRow(rows::add);
    assertThat(rows).containsExactly(List.of("#en.wikipedia", 11549), List.of("#vi.wikipedia", 9747));
  }

  @Test
  void anIngestionReportHasNoResults() throws Exception {
    StoredReport.Summary summary = new StoredReport(JSON,
        "{\"multiStageQuery\":{\"payload\":{\"status\":{\"status\":\"SUCCESS\"},\"stages\":[],\"counters\":{}}}}")
        .outline();
    assertThat(summary.hasResults()).isFalse();
    assertThat(summary.signature().isMissingNode()).isTrue();
    assertThat(StatementSchema.of(summary)).isNull();
  }
}
