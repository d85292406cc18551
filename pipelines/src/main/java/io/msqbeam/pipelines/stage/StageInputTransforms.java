package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.row.RowCoder;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.InputNumberDataSource;
import io.msqbeam.translator.plan.JoinDataSource;
import io.msqbeam.translator.plan.QueryDataSource;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.SortMergeJoinProcessor;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.UnionDataSource;
import io.msqbeam.translator.plan.UnnestDataSource;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The Beam wiring of what a stage reads when that is more than one input: a union (the inputs laid
 * out alike and flattened), a broadcast join (the right input as a side input of a
 * {@link BroadcastJoinFn} over the left), an unnest ({@link UnnestFn} over its base), and the {@code sortMergeJoin} stage (both inputs keyed by
 * the join key, co-grouped, joined one key at a time by {@link SortMergeJoinFn}).
 */
final class StageInputTransforms {
  private StageInputTransforms() {}

  /** The rows of {@code dataSource}, given the rows of each of the stage's inputs. */
  static PCollection<Object[]> rows(QueryPlan plan, StageDefinition stage, QueryDataSource dataSource,
      List<PCollection<Object[]>> inputs, String name) {
    if (dataSource instanceof InputNumberDataSource input) {
      return inputs.get(input.inputNumber());
    }
    List<ColumnSignature> signature = StageInputRows.signature(plan, stage, dataSource);
    if (dataSource instanceof UnionDataSource union) {
      PCollectionList<Object[]> parts = PCollectionList.empty(inputs.get(0).getPipeline());
      // One coder instance for every part: Flink's union insists on equal input types.
      RowCoder coder = RowCoder.of(signature);
      for (InputNumberDataSource child : union.dataSources()) {
        int n = child.inputNumber();
        int[] layout = StageInputRows.layout(StageInputRows.signature(plan, stage, child), signature);
        parts = parts.and(inputs.get(n).apply(name + "unionLayout" + n, MapElements.into(TypeDescriptor.of(Object[].class))
            .via((Object[] row) -> layout == null ? row : StageInputRows.relayout(row, layout))).setCoder(coder));
      }
      return parts.apply(name + "union", Flatten.pCollections()).setCoder(coder);
    }
    if (dataSource instanceof UnnestDataSource unnest) {
      return rows(plan, stage, unnest.base(), inputs, name)
          .apply(name + "unnest", ParDo.of(new UnnestFn(unnest, StageInputRows.signature(plan, stage, unnest.base()))))
          .setCoder(RowCoder.of(signature));
    }
    JoinDataSource join = (JoinDataSource) dataSource;
    int r = join.right().inputNumber();
    JoinSpec spec = new JoinSpec(join.condition(), join.rightPrefix(), join.joinType(),
        StageInputRows.signature(plan, stage, join.left()), StageInputRows.signature(plan, stage, join.right()));
    PCollectionView<List<Object[]>> right = inputs.get(r).apply(name + "broadcast" + r, View.asList());
    return rows(plan, stage, join.left(), inputs, name)
        .apply(name + "join" + r, ParDo.of(new BroadcastJoinFn(spec, right,
            StageInputRows.maxBroadcastTablesSize(StageInputRows.context(stage)))).withSideInputs(right))
        .setCoder(RowCoder.of(signature));
  }

  /** The output of a {@code sortMergeJoin} stage over its two inputs. */
  static PCollection<Object[]> sortMergeJoin(QueryPlan plan, StageDefinition stage, SortMergeJoinProcessor join,
      List<PCollection<Object[]>> inputs, String name) {
    List<ColumnSignature> left = StageInputRows.inputSignature(plan, stage.input().get(0));
    List<ColumnSignature> right = StageInputRows.inputSignature(plan, stage.input().get(1));
    JoinSpec spec = new JoinSpec(join.condition(), join.rightPrefix(), join.joinType(), left, right);
    List<ColumnSignature> keySignature = new java.util.ArrayList<>();
    for (var type : spec.rows().keyTypes()) {
      keySignature.add(new ColumnSignature("k" + keySignature.size(), type));
    }
    TupleTag<Object[]> leftTag = new TupleTag<>("left");
    TupleTag<Object[]> rightTag = new TupleTag<>("right");
    PCollection<org.apache.beam.sdk.values.KV<Object[], Object[]>> leftKeyed = inputs.get(0)
        .apply(name + "keyLeft", ParDo.of(new JoinKeyFn(spec, true)))
        .setCoder(KvCoder.of(RowCoder.of(keySignature), RowCoder.of(left)));
    PCollection<org.apache.beam.sdk.values.KV<Object[], Object[]>> rightKeyed = inputs.get(1)
        .apply(name + "keyRight", ParDo.of(new JoinKeyFn(spec, false)))
        .setCoder(KvCoder.of(RowCoder.of(keySignature), RowCoder.of(right)));
    return KeyedPCollectionTuple.of(leftTag, leftKeyed).and(rightTag, rightKeyed)
        .apply(name + "shuffle", CoGroupByKey.create())
        .apply(name + "sortMergeJoin", ParDo.of(new SortMergeJoinFn(stage.stageNumber(), spec, leftTag, rightTag)))
        .setCoder(RowCoder.of(stage.signature()));
  }
}
