package io.msqbeam.pipelines.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.input.InputSplit;
import io.msqbeam.pipelines.segment.SegmentReader;
import io.msqbeam.pipelines.segment.WrittenSegment;
import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.TsvInputFormat;
import io.msqbeam.translator.planner.StatementPlanner;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests csv through the input table functions and EXTERN on the DirectRunner and reads the
 * segments back; the reader tests below them run {@link ReadExternalFn} alone.
 */
class ExternalInputPipelineTest {
  private static final String WIKI_COLUMNS =
      "(\"timestamp\" VARCHAR, channel VARCHAR, page VARCHAR, added BIGINT, deleted BIGINT)";

  /** Rows seen by the in-process DirectRunner (PAssert would need hamcrest, which is not on the classpath). */
  private static final java.util.Queue<String> COLLECTED = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @TempDir
  Path dir;

  private QueryPlan plan(String sql) {
    return new StatementPlanner(Catalog.empty()).plan(sql, Map.of(), "query-t", "2024-02-01T00:00:00.000Z").plan();
  }

  private void run(QueryPlan plan) {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    QueryPipelines.build(pipeline, plan, new PipelineSettings(dir.resolve("out").toString(),
        dir.resolve("work").toString(), dir.resolve("deep").toString()));
    pipeline.run().waitUntilFinish();
  }

  private List<List<Object>> segmentRows(List<String> columns) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    for (WrittenSegment segment : JobOutputs.writtenSegments(dir.resolve("out"))) {
      try (SegmentReader reader = SegmentReader.open(new File(segment.path()), dir.resolve("read").toFile())) {
        reader.scan(columns, row -> rows.add(new ArrayList<>(java.util.Arrays.asList(row))));
      }
    }
    return rows;
  }

  /** The realistic input: 20 wikiticker rows as csv with a header row, gzipped into {@code dir/in}. */
  private Path gzippedWikiCsv() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path file = in.resolve("wikipedia-sampled.csv.gz");
    try (InputStream csv = getClass().getResourceAsStream("/input/wikipedia-sampled.csv");
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      csv.transferTo(out);
    }
    return file;
  }

  @Test
  void ingestsInlineCsvThroughTheInlineFunction() throws Exception {
    run(plan("INSERT INTO t SELECT TIME_PARSE(ts) AS __time, dim, n FROM TABLE(inline(data => ARRAY["
        + "'2024-01-01T00:10:00Z,a,1', '2024-01-01T00:20:00Z,\"b,c\",2', '2024-01-01T01:10:00Z,x|y,3'],"
        + " format => 'csv', listDelimiter => '|')) (ts VARCHAR, dim VARCHAR, n BIGINT) PARTITIONED BY DAY"));
    assertThat(segmentRows(List.of("__time", "dim", "n"))).containsExactlyInAnyOrder(
        List.of(1704067800000L, "a", 1L), List.of(1704068400000L, "b,c", 2L),
        List.of(1704071400000L, List.of("x", "y"), 3L));
  }

  @Test
  void ingestsAGzippedCsvFileThroughLocalfiles() throws Exception {
    Path file = gzippedWikiCsv();
    run(plan("INSERT INTO wiki SELECT TIME_PARSE(\"timestamp\") AS __time, channel, page, added, deleted"
        + " FROM TABLE(localfiles(baseDir => '" + file.getParent() + "', \"filter\" => '*.csv.gz', format => 'csv',"
        + " skipHeaderRows => 1)) " + WIKI_COLUMNS + " PARTITIONED BY DAY"));
    List<List<Object>> rows = segmentRows(List.of("channel", "added"));
    assertThat(rows).hasSize(20);
    assertThat(rows.stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum()).isEqualTo(12109);
  }

  @Test
  void externReadsCsvColumnsFromTheHeaderRow() throws Exception {
    Path file = gzippedWikiCsv();
    run(plan("INSERT INTO wiki SELECT TIME_PARSE(\"timestamp\") AS __time, page, added FROM TABLE(EXTERN("
        + "'{\"type\":\"local\",\"files\":[\"" + file + "\"]}', '{\"type\":\"csv\",\"findColumnsFromHeader\":true}'))"
        + " EXTEND " + WIKI_COLUMNS + " PARTITIONED BY DAY"));
    assertThat(segmentRows(List.of("page", "added"))).hasSize(20).contains(List.of("Salo Toraut", 31L));
  }

  @Test
  void readExternalFnParsesEachSplitInItsFormat() {
    List<ColumnSignature> signature = List.of(new ColumnSignature("s", ColumnType.STRING),
        new ColumnSignature("n", ColumnType.LONG));
    ExternalInputSpec spec = new ExternalInputSpec(new InlineInputSource("ignored"),
        TsvInputFormat.withColumns(List.of("s", "n"), null, null, 1), signature);
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    COLLECTED.clear();
    pipeline
        .apply(Create.of(InputSplit.inline("header\na\t1\nb\t2"), InputSplit.inline("skipped\nc\t3"))
            .withCoder(SerializableCoder.of(InputSplit.class)))
        .apply(org.apache.beam.sdk.transforms.ParDo.of(new ReadExternalFn(0, spec)))
        .setCoder(io.msqbeam.pipelines.row.RowCoder.of(signature))
        .apply(MapElements.into(TypeDescriptors.voids()).via(row -> {
          COLLECTED.add(row[0] + ":" + row[1]);
          return null;
        }));
    pipeline.run().waitUntilFinish();
    assertThat(COLLECTED).containsExactlyInAnyOrder("a:1", "b:2", "c:3");
  }

  @Test
  void aBadValueFailsWithCannotParseExternalData() {
    List<ColumnSignature> signature = List.of(new ColumnSignature("n", ColumnType.LONG));
    ExternalInputSpec spec = new ExternalInputSpec(new InlineInputSource("ignored"),
        TsvInputFormat.withColumns(List.of("n"), null, null, 0), signature);
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(Create.of(InputSplit.inline("1\nnope")).withCoder(SerializableCoder.of(InputSplit.class)))
        .apply(org.apache.beam.sdk.transforms.ParDo.of(new ReadExternalFn(0, spec)))
        .setCoder(io.msqbeam.pipelines.row.RowCoder.of(signature));
    assertThatThrownBy(() -> pipeline.run().waitUntilFinish())
        .satisfies(e -> assertThat(FaultException.find(e).errorCode()).isEqualTo("CannotParseExternalData"))
        .satisfies(e -> assertThat(FaultException.find(e).errorMessage()).contains("rowNumber [2], columnName [n]"));
  }
}
