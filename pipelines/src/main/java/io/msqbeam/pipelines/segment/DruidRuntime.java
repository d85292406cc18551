package io.msqbeam.pipelines.segment;

import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.druid.guice.BuiltInTypesModule;
import org.apache.druid.jackson.AggregatorsModule;
import org.apache.druid.jackson.DefaultObjectMapper;
import org.apache.druid.math.expr.ExpressionProcessing;
import org.apache.druid.math.expr.ExprMacroTable;
import org.apache.druid.segment.IndexIO;
import org.apache.druid.segment.IndexMergerV9;
import org.apache.druid.segment.column.ColumnConfig;
import org.apache.druid.segment.writeout.SegmentWriteOutMediumFactory;
import org.apache.druid.segment.writeout.TmpFileSegmentWriteOutMediumFactory;
import org.apache.druid.timeline.DataSegment;

/**
 * The process-wide Druid state that segment writing and reading need, set up once.
 *
 * <p>A Druid server wires these with Guice at startup; we have no injector, so this class does
 * the few things the injector would. In 37.0.0 plain writing and scanning need none of the
 * statics (measured: the tests pass without them), but the next steps do, so they are set here
 * once rather than discovered later: Druid's static expression config (expression virtual
 * columns and filters throw "ExpressionProcessing module not initialized" without it), the
 * built-in nested-column serdes (so a real Druid segment with an {@code auto}/{@code json}
 * column loads), and one JSON mapper with the injectable values Druid's {@code @JacksonInject}
 * constructors expect. There is no {@code NullHandling} any more: since Druid 32 nulls are
 * always SQL-compatible and the class is gone from the jar.
 *
 * <p>Everything here is thread-safe once built; {@link #initialize()} is idempotent and cheap, so
 * every entry point calls it rather than trusting that someone else did.
 */
public final class DruidRuntime {

  private static final Object LOCK = new Object();
  private static volatile DruidRuntime instance;

  private final ObjectMapper jsonMapper;
  private final IndexIO indexIO;
  private final IndexMergerV9 indexMerger;

  private DruidRuntime() {
    DefaultObjectMapper mapper = new DefaultObjectMapper();
    mapper.setInjectableValues(
        new InjectableValues.Std()
            .addValue(ObjectMapper.class, mapper)
            .addValue(ExprMacroTable.class, ExprMacroTable.nil())
            .addValue(DataSegment.PruneSpecsHolder.class, DataSegment.PruneSpecsHolder.DEFAULT));
    this.jsonMapper = mapper;
    this.indexIO = new IndexIO(mapper, ColumnConfig.DEFAULT);
    // storeEmptyColumns=true is Druid's ingestion default: a dimension that is null in every row
    // still appears in the segment, so the schema a user declared is the schema they get back.
    this.indexMerger = new IndexMergerV9(mapper, indexIO, writeOutMediumFactory(), true);
  }

  /** Sets up Druid's static state on first call; later calls return the same runtime. */
  public static DruidRuntime initialize() {
    DruidRuntime current = instance;
    if (current != null) {
      return current;
    }
    synchronized (LOCK) {
      if (instance == null) {
        ExpressionProcessing.initializeForTests(); // despite the name: Druid's default config
        BuiltInTypesModule.registerHandlersAndSerde();
        // The complex metrics of rollup (hyperUnique, the first/last pairs), as Druid's AggregatorsModule
        // registers them.
        AggregatorsModule.registerComplexMetricsAndSerde();
        instance = new DruidRuntime();
      }
      return instance;
    }
  }

  /** Druid's JSON mapper, for segment payloads and the index's own metadata. */
  public ObjectMapper jsonMapper() {
    return jsonMapper;
  }

  IndexIO indexIO() {
    return indexIO;
  }

  IndexMergerV9 indexMerger() {
    return indexMerger;
  }

  /**
   * Column buffers spill to temp files, not direct memory: a segment's size then costs disk, not
   * the off-heap budget that Flink task managers cap tightly.
   */
  static SegmentWriteOutMediumFactory writeOutMediumFactory() {
    return TmpFileSegmentWriteOutMediumFactory.instance();
  }
}
