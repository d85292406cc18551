package io.msqbeam.translator.planner;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.InputNumberDataSource;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.QuerySegmentSpec;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.ScanQuery;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.UnionDataSource;
import io.msqbeam.translator.plan.VirtualColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;

/**
 * Plans UNION ALL as Druid's MSQ does, as a union data source over one stage input per branch, read
 * by the stage of the query level above. Every branch must give its rows the union's column names
 * (the union's field names): a table whose columns are exactly those is read directly; any other
 * branch is planned into stages, with a renaming scan at the end when its columns are named otherwise.
 */
final class UnionPlanner {
  private final StageGraphBuilder builder;

  UnionPlanner(StageGraphBuilder builder) {
    this.builder = builder;
  }

  StageGraphBuilder.Source source(Union union) {
    if (!union.all) {
      throw Unplannable.because("SQL requires 'UNION' but only 'UNION ALL' is supported.");
    }
    List<String> names = union.getRowType().getFieldNames();
    List<InputSpec> inputs = new ArrayList<>();
    List<InputNumberDataSource> children = new ArrayList<>();
    for (RelNode branch : union.getInputs()) {
      children.add(new InputNumberDataSource(inputs.size()));
      inputs.add(branchInput(branch, names));
    }
    return new StageGraphBuilder.Source(inputs, List.of(), new UnionDataSource(children), names);
  }

  private InputSpec branchInput(RelNode branch, List<String> names) {
    if (branch instanceof TableScan scan && scan.getRowType().getFieldNames().equals(names)) {
      return StageGraphBuilder.inputOf(scan);
    }
    List<String> columns = builder.planLevel(branch);
    InputSpec planned = new StageInputSpec(builder.nextStageNumber() - 1);
    if (columns.equals(names)) {
      return planned;
    }
    List<ColumnSignature> plannedSignature = builder.signatureOf(planned);
    List<VirtualColumn> renames = new ArrayList<>();
    List<ColumnSignature> signature = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String column = columns.get(i);
      var type = plannedSignature.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().type();
      if (!column.equals(names.get(i))) {
        // Virtual columns are computed from the input row, so a rename may take a name the input also has.
        renames.add(new VirtualColumn(names.get(i), "\"" + column.replace("\"", "\\\"") + "\"", type));
      }
      signature.add(new ColumnSignature(names.get(i), type));
    }
    ScanQuery rename = new ScanQuery(new InputNumberDataSource(0), QuerySegmentSpec.eternity(), renames, null, names,
        signature.stream().map(ColumnSignature::type).toList(), builder.nativeContext());
    builder.addStage(List.of(planned), new ScanProcessor(rename), signature, null, builder.workers());
    return new StageInputSpec(builder.nextStageNumber() - 1);
  }
}
