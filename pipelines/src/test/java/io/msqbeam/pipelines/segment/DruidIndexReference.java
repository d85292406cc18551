package io.msqbeam.pipelines.segment;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.druid.data.input.ListBasedInputRow;
import org.apache.druid.data.input.impl.TimestampSpec;
import org.apache.druid.java.util.common.DateTimes;
import org.apache.druid.java.util.common.granularity.Granularities;
import org.apache.druid.query.aggregation.AggregatorFactory;
import org.apache.druid.segment.IndexSpec;
import org.apache.druid.segment.QueryableIndex;
import org.apache.druid.segment.column.RowSignature;
import org.apache.druid.segment.incremental.IncrementalIndex;
import org.apache.druid.segment.incremental.IncrementalIndexSchema;
import org.apache.druid.segment.incremental.OnheapIncrementalIndex;
import org.joda.time.Interval;

/**
 * What Druid's appenderator does with the rows of one segment without rollup: an on-heap incremental
 * index persisted every {@code maxRowsInMemory} rows, the parts merged by {@code IndexMergerV9}. The
 * reference {@link SegmentWriter}'s output is compared with, for its bytes and for its speed.
 */
final class DruidIndexReference {
  private DruidIndexReference() {}

  /**
   * Writes the segment of {@code rows} (each {@code [time, dimension values…]}) under {@code workDir}
   * and returns its directory.
   */
  static File write(SegmentSchema schema, Interval interval, List<Object[]> rows, int maxRowsInMemory, File workDir)
      throws IOException {
    DruidRuntime druid = DruidRuntime.initialize();
    IncrementalIndexSchema indexSchema = IncrementalIndexSchema.builder()
        .withMinTimestamp(interval.getStartMillis())
        .withTimestampSpec(new TimestampSpec(SegmentSchema.TIME_COLUMN, "millis", null))
        .withQueryGranularity(Granularities.NONE)
        .withDimensionsSpec(schema.toDimensionsSpec())
        .withRollup(false)
        .build();
    RowSignature.Builder signature = RowSignature.builder();
    schema.dimensions().forEach(column -> signature.add(column.name(), column.type().toDruid()));
    RowSignature rowSignature = signature.build();
    List<File> parts = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += maxRowsInMemory) {
      IncrementalIndex index = new OnheapIncrementalIndex.Builder().setIndexSchema(indexSchema)
          .setMaxRowCount(maxRowsInMemory).build();
      for (Object[] row : rows.subList(from, Math.min(rows.size(), from + maxRowsInMemory))) {
        index.add(new ListBasedInputRow(rowSignature, DateTimes.utc((Long) row[0]), schema.dimensionNames(),
            Arrays.asList(Arrays.copyOfRange(row, 1, row.length))));
      }
      File part = new File(workDir, "reference-part-" + parts.size());
      druid.indexMerger().persist(index, interval, part, IndexSpec.getDefault(), DruidRuntime.writeOutMediumFactory());
      index.close();
      parts.add(part);
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<QueryableIndex> loaded = new ArrayList<>();
    for (File part : parts) {
      loaded.add(druid.indexIO().loadIndex(part));
    }
    try {
      return druid.indexMerger().mergeQueryableIndex(loaded, false, new AggregatorFactory[0],
          schema.toDimensionsSpec(), new File(workDir, "reference"), IndexSpec.getDefault(),
          DruidRuntime.writeOutMediumFactory(), -1);
    } finally {
      loaded.forEach(QueryableIndex::close);
    }
  }
}
