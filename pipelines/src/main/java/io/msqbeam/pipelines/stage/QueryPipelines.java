package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.input.InputSplit;
import io.msqbeam.pipelines.input.InputSplits;
import io.msqbeam.pipelines.row.RowCoder;
import io.msqbeam.pipelines.segment.WrittenSegment;
import io.msqbeam.translator.plan.ColumnMapping;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.DataSourceDestination;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.GroupByPostShuffleProcessor;
import io.msqbeam.translator.plan.GroupByPreShuffleProcessor;
import io.msqbeam.translator.plan.GroupByQuery;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.Intervals;
import io.msqbeam.translator.plan.LimitProcessor;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import io.msqbeam.translator.plan.SortMergeJoinProcessor;
import io.msqbeam.translator.plan.WindowProcessor;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.TableInputSpec;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.ApproximateQuantiles;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Wires a {@link QueryPlan} into a Beam pipeline, one named composite per stage
 * ({@code Stage0-scan}, …), the same on every runner. A stage whose shuffle spec sorts into one
 * partition hands its consumer the partition in order; everything else flows unordered.
 */
public final class QueryPipelines {
  /** Quantiles computed per time chunk for range partitioning: the resolution of its split points. */
  static final int RANGE_QUANTILES = 1001;

  private QueryPipelines() {}

  public static void build(Pipeline pipeline, QueryPlan plan, PipelineSettings settings) {
    List<PCollection<Object[]>> outputs = new ArrayList<>();
    for (StageDefinition stage : plan.stages()) {
      if (stage.processor() instanceof SegmentGeneratorProcessor generator) {
        buildSegmentGenerator(pipeline, plan, stage, generator, outputs, settings);
        return;
      }
      outputs.add(buildStage(pipeline, plan, stage, outputs, settings));
    }
    StageDefinition last = plan.finalStage();
    if (plan.destination() instanceof TaskReportDestination results) {
      List<String> names = last.signature().stream().map(ColumnSignature::name).toList();
      int[] positions = results.columnMappings().stream().mapToInt(m -> names.indexOf(m.queryColumn())).toArray();
      RowOrdering ordering = last.shuffleSpec() == null ? null
          : new RowOrdering(last.signature(), last.shuffleSpec().clusterBy().columns());
      outputs.get(outputs.size() - 1)
          .apply("Results-key", WithKeys.of(0)).setCoder(KvCoder.of(VarIntCoder.of(), RowCoder.of(last.signature())))
          .apply("Results-gather", GroupByKey.create())
          .apply("Results-write", ParDo.of(new WriteResultsFn(ordering, positions, settings.outputDir(),
              RowCoder.of(last.signature()), settings.workDir() + "/results-sort")));
    }
  }

  private static PCollection<Object[]> buildStage(Pipeline pipeline, QueryPlan plan, StageDefinition stage,
      List<PCollection<Object[]>> outputs, PipelineSettings settings) {
    int n = stage.stageNumber();
    String name = "Stage" + n + "-";
    InputSpec input = stage.input().get(0);
    if (stage.processor() instanceof ScanProcessor scan) {
      return stageRows(pipeline, plan, stage, outputs, settings, maxParseExceptions(scan.query().context()))
          .apply(name + "scan", ParDo.of(new ScanFn(n, StageInputRows.signature(plan, stage), scan.query())))
          .setCoder(RowCoder.of(stage.signature()));
    }
    if (stage.processor() instanceof WindowProcessor window) {
      List<ColumnSignature> signature = StageInputRows.inputSignature(plan, input);
      List<String> names = signature.stream().map(ColumnSignature::name).toList();
      List<ColumnSignature> keySignature = window.partitionColumnNames().stream()
          .map(c -> signature.get(names.indexOf(c))).toList();
      return outputs.get(((StageInputSpec) input).stage())
          .apply(name + "partitionKey", ParDo.of(new WindowKeyFn(window, signature)))
          .setCoder(KvCoder.of(RowCoder.of(keySignature), RowCoder.of(signature)))
          .apply(name + "partition", GroupByKey.create())
          .apply(name + "window", ParDo.of(new WindowFn(n, window, signature)))
          .setCoder(RowCoder.of(stage.signature()));
    }
    if (stage.processor() instanceof SortMergeJoinProcessor join) {
      List<PCollection<Object[]>> inputs = List.of(outputs.get(((StageInputSpec) stage.input().get(0)).stage()),
          outputs.get(((StageInputSpec) stage.input().get(1)).stage()));
      return StageInputTransforms.sortMergeJoin(plan, stage, join, inputs, name);
    }
    if (stage.processor() instanceof GroupByPreShuffleProcessor pre) {
        GroupByQuery query = pre.query();
        List<ColumnSignature> keySignature = query.outputSignature().subList(0, query.dimensions().size());
        List<ColumnSignature> aggSignature = query.outputSignature().subList(query.dimensions().size(),
            query.outputSignature().size());
        KvCoder<Object[], Object[]> kvCoder = KvCoder.of(RowCoder.of(keySignature),
            new AccumulatorCoder(query.aggregations()));
        PCollection<KV<Object[], Object[]>> partials = stageRows(pipeline, plan, stage, outputs, settings,
            maxParseExceptions(query.context()))
            .apply(name + "groupByPreShuffle", ParDo.of(new GroupByPreShuffleFn(StageInputRows.signature(plan, stage), query)))
            .setCoder(kvCoder);
        PCollection<KV<Object[], Object[]>> combined;
        if (query.dimensions().isEmpty()) {
          // SQL: an aggregation without GROUP BY answers one row even over no input (COUNT 0, SUM null),
          // which Combine.globally's default value gives.
          combined = partials
              .apply(name + "accumulators", Values.create()).setCoder(new AccumulatorCoder(query.aggregations()))
              .apply(name + "combine", Combine.globally(new AggregatorsCombineFn(query.aggregations())))
              .setCoder(new AccumulatorCoder(query.aggregations()))
              .apply(name + "emptyKey", WithKeys.of(new Object[0])).setCoder(kvCoder);
        } else {
          combined = partials
              .apply(name + "combine", Combine.perKey(new AggregatorsCombineFn(query.aggregations())))
              .setCoder(kvCoder);
        }
        // The post-shuffle stage reads the combined groups; carry them as rows of the stage signature.
        return combined.apply(name + "rows", ParDo.of(GroupByPostShuffleFn.finishingPreShuffle(n, query)))
            .setCoder(RowCoder.of(stage.signature()));
    }
    if (stage.processor() instanceof GroupByPostShuffleProcessor post) {
        StageDefinition previous = plan.stages().get(((StageInputSpec) input).stage());
        int keys = post.query().dimensions().size();
        List<ColumnSignature> signature = previous.signature();
        KvCoder<Object[], Object[]> kvCoder = KvCoder.of(RowCoder.of(signature.subList(0, keys)),
            RowCoder.of(signature.subList(keys, signature.size())));
        return outputs.get(((StageInputSpec) input).stage())
            .apply(name + "split", ParDo.of(new SplitGroupRowFn(keys))).setCoder(kvCoder)
            .apply(name + "groupByPostShuffle", ParDo.of(new GroupByPostShuffleFn(n, post.query())))
            .setCoder(RowCoder.of(stage.signature()));
    }
    if (stage.processor() instanceof LimitProcessor limit) {
        int source = ((StageInputSpec) input).stage();
        StageDefinition previous = plan.stages().get(source);
        RowOrdering ordering = new RowOrdering(previous.signature(),
            previous.shuffleSpec() == null ? List.of() : previous.shuffleSpec().clusterBy().columns());
        return outputs.get(source)
            .apply(name + "key", WithKeys.of(0)).setCoder(KvCoder.of(VarIntCoder.of(), RowCoder.of(previous.signature())))
            .apply(name + "sort", GroupByKey.create())
            .apply(name + "limit", ParDo.of(new SortedPartitionFn(n, ordering, limit.offset(), limit.limit(),
                RowCoder.of(previous.signature()), settings.workDir() + "/sort-stage" + n)))
            .setCoder(RowCoder.of(stage.signature()));
    }
    throw new IllegalStateException("segment generation is wired by build()");
  }

  private static void buildSegmentGenerator(Pipeline pipeline, QueryPlan plan, StageDefinition stage,
      SegmentGeneratorProcessor generator, List<PCollection<Object[]>> outputs, PipelineSettings settings) {
    int n = stage.stageNumber();
    String name = "Stage" + n + "-";
    DataSourceDestination destination = (DataSourceDestination) plan.destination();
    int source = ((StageInputSpec) stage.input().get(0)).stage();
    List<ColumnSignature> inputSignature = plan.stages().get(source).signature();
    List<String> names = inputSignature.stream().map(ColumnSignature::name).toList();
    String timeColumn = generator.columnMappings().stream().filter(m -> m.outputColumn().equals("__time"))
        .map(ColumnMapping::queryColumn).findFirst().orElse(null);
    TimeChunks chunks = new TimeChunks(destination.segmentGranularity());
    RowCoder rowCoder = RowCoder.of(inputSignature);
    int[] keyPositions = generator.isRangePartitioned()
        ? generator.rangeDimensions().stream().mapToInt(dimension -> names.indexOf(
            generator.columnMappings().stream().filter(m -> m.outputColumn().equals(dimension))
                .map(ColumnMapping::queryColumn).findFirst().orElseThrow())).toArray()
        : null;
    List<String> replaceBounds = destination.isReplace()
        && !destination.replaceTimeChunks().equals(Intervals.ETERNITY_LIST) ? destination.replaceTimeChunks() : null;
    // From here to the writer, rows travel encoded: counted, routed and shuffled, decoded once.
    PCollectionTuple chunked = outputs.get(source)
        .apply(name + "timeChunk", ParDo.of(new TimeChunkFn(timeColumn == null ? -1 : names.indexOf(timeColumn), chunks,
            replaceBounds, rowCoder)).withOutputTags(TimeChunkFn.ROWS, TupleTagList.of(TimeChunkFn.COUNTS)));
    PCollection<KV<Long, byte[]>> keyed = chunked.get(TimeChunkFn.ROWS)
        .setCoder(KvCoder.of(VarLongCoder.of(), ByteArrayCoder.of()));
    PCollectionView<Map<Long, Long>> counts = chunked.get(TimeChunkFn.COUNTS)
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply(name + "sumChunkCounts", Sum.longsPerKey())
        .apply(name + "chunkCounts", View.asMap());
    AssignPartitionFn assign = new AssignPartitionFn(counts, generator.tuningConfig().rowsPerSegment(),
        generator.tuningConfig().maxNumSegments(), chunks, destination.segmentGranularity());
    PCollectionView<Map<Long, RangeBoundaries>> ranges = null;
    List<PCollectionView<?>> sideInputs = new ArrayList<>(List.of(counts));
    if (keyPositions != null) {
      ranges = rangeBoundaries(name, keyed, rowCoder, keyPositions, counts, generator.tuningConfig().rowsPerSegment());
      assign = assign.ranged(ranges, keyPositions, rowCoder);
      sideInputs.add(ranges);
    }
    keyed.apply(name + "partition", ParDo.of(assign).withSideInputs(sideInputs))
        .setCoder(KvCoder.of(KvCoder.of(VarLongCoder.of(), VarIntCoder.of()), ByteArrayCoder.of()))
        .apply(name + "shuffle", GroupByKey.create())
        .apply(name + "writeSegments", ParDo.of(new WriteSegmentFn(n, generator, inputSignature, chunks,
            destination, settings.workDir(), settings.deepStorageDir(), ranges))
            .withSideInputs(sideInputs.subList(1, sideInputs.size())))
        .setCoder(SerializableCoder.of(WrittenSegment.class))
        .apply(name + "recordSegments", ParDo.of(new WriteSegmentDescriptorFn(settings.outputDir())));
  }

  /**
   * Each chunk's range boundaries, from approximate quantiles of its keys: memory per chunk stays
   * bounded (and the quantiles are exact while a chunk fits Beam's buffer), at the price of at most
   * {@link #RANGE_QUANTILES}{@code - 1} split points per chunk.
   */
  private static PCollectionView<Map<Long, RangeBoundaries>> rangeBoundaries(String name,
      PCollection<KV<Long, byte[]>> keyed, RowCoder rowCoder, int[] keyPositions,
      PCollectionView<Map<Long, Long>> counts, long rowsPerSegment) {
    ListCoder<String> keyCoder = ListCoder.of(NullableCoder.of(StringUtf8Coder.of()));
    return keyed
        .apply(name + "rangeKeys", ParDo.of(new RangeKeyFn(rowCoder, keyPositions)))
        .setCoder(KvCoder.of(VarLongCoder.of(), keyCoder))
        .apply(name + "keyQuantiles", ApproximateQuantiles.perKey(RANGE_QUANTILES, RangeBoundaries.KEY_ORDER))
        .setCoder(KvCoder.of(VarLongCoder.of(), ListCoder.of(keyCoder)))
        .apply(name + "rangeBoundaries", ParDo.of(new RangeBoundariesFn(counts, rowsPerSegment)).withSideInputs(counts))
        .setCoder(KvCoder.of(VarLongCoder.of(), SerializableCoder.of(RangeBoundaries.class)))
        .apply(name + "rangeView", View.asMap());
  }

  /**
   * The {@code maxParseExceptions} of a stage that reads external data (a scan or a groupBy's first
   * half); 0, Druid's strict default, for any other.
   */
  static long maxParseExceptions(StageDefinition stage) {
    if (stage.processor() instanceof ScanProcessor scan) {
      return maxParseExceptions(scan.query().context());
    }
    if (stage.processor() instanceof GroupByPreShuffleProcessor pre) {
      return maxParseExceptions(pre.query().context());
    }
    return 0;
  }

  /** The stage's {@code maxParseExceptions}, which the planner always puts in the native query context. */
  private static long maxParseExceptions(Map<String, Object> context) {
    Object value = context.get("maxParseExceptions");
    return value instanceof Number number ? number.longValue() : value == null ? 0 : Long.parseLong(value.toString());
  }

  /**
   * The rows a scan or groupBy stage reads: each of its inputs, combined as its query's data source
   * says (one input, a union, a broadcast join, an unnest).
   */
  private static PCollection<Object[]> stageRows(Pipeline pipeline, QueryPlan plan, StageDefinition stage,
      List<PCollection<Object[]>> outputs, PipelineSettings settings, long maxParseExceptions) {
    int n = stage.stageNumber();
    if (stage.input().size() == 1) {
      PCollection<Object[]> rows = readInput(pipeline, n, stage.input().get(0), outputs, settings, maxParseExceptions,
          NullByteGuard.forStage(plan, stage), "Stage" + n + "-");
      // One input is read as it is, unless the data source does more with it (an unnest).
      return StageInputTransforms.rows(plan, stage, StageInputRows.dataSource(stage), List.of(rows), "Stage" + n + "-");
    }
    List<PCollection<Object[]>> inputs = new ArrayList<>();
    for (int i = 0; i < stage.input().size(); i++) {
      inputs.add(readInput(pipeline, n, stage.input().get(i), outputs, settings, maxParseExceptions, null,
          "Stage" + n + "-input" + i + "-"));
    }
    return StageInputTransforms.rows(plan, stage, StageInputRows.dataSource(stage), inputs, "Stage" + n + "-");
  }

  /** The rows of one stage input: external data or table segments read here, or an earlier stage's output. */
  private static PCollection<Object[]> readInput(Pipeline pipeline, int stageNumber, InputSpec input,
      List<PCollection<Object[]>> outputs, PipelineSettings settings, long maxParseExceptions,
      NullByteGuard nullBytes, String name) {
    if (input instanceof StageInputSpec stage) {
      return outputs.get(stage.stage());
    }
    if (input instanceof ExternalInputSpec external) {
        List<InputSplit> splits = InputSplits.forReading(external.inputSource(), external.inputFormat(),
            settings.inputSplitBytes());
        return pipeline
            .apply(name + "splits", Create.of(splits).withCoder(SerializableCoder.of(InputSplit.class)))
            .apply(name + "spread", Reshuffle.viaRandomKey())
            .apply(name + "read", ParDo.of(new ReadExternalFn(stageNumber, external, maxParseExceptions, nullBytes,
                settings.outputDir())))
            .setCoder(RowCoder.of(external.signature()));
    }
    if (input instanceof TableInputSpec table) {
      return pipeline
          .apply(name + "segments", Create.of(table.segments())
              .withCoder(SerializableCoder.of(TableInputSpec.SegmentFile.class)))
          .apply(name + "spread", Reshuffle.viaRandomKey())
          .apply(name + "read", ParDo.of(new ReadSegmentFn(stageNumber, table.signature(),
              settings.workDir() + "/read-" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("-$", ""))))
          .setCoder(RowCoder.of(table.signature()));
    }
    throw new IllegalStateException("unknown input " + input);
  }

  private static List<ColumnSignature> inputSignature(QueryPlan plan, InputSpec input) {
    if (input instanceof ExternalInputSpec external) {
      return external.signature();
    }
    if (input instanceof TableInputSpec table) {
      return table.signature();
    }
    return plan.stages().get(((StageInputSpec) input).stage()).signature();
  }
}
