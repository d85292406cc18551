package io.msqbeam.server.sql;

import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.ColumnMapping;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.druid.hll.HyperLogLogCollector;
import org.apache.druid.query.aggregation.SerializablePairLongDouble;
import org.apache.druid.query.aggregation.SerializablePairLongFloat;
import org.apache.druid.query.aggregation.SerializablePairLongLong;
import org.apache.druid.query.aggregation.SerializablePairLongString;

/**
 * The result columns whose values Druid's SQL API cannot write: unfinalized aggregates (context
 * {@code finalize: false}) of APPROX_COUNT_DISTINCT or EARLIEST/LATEST, whose sketches and pairs reach
 * a column Calcite typed BIGINT, VARCHAR, …. Druid's {@code SqlResults.coerce} fails on such a value
 * with {@code Cannot coerce field [<native column>] from type [<Java class>] to type [<SQL type>]}
 * (400, {@code general}, INVALID_INPUT; apache/druid#15666 shows the message): on the first row before
 * the response starts, on a later row by cutting the body short.
 */
final class UncoercibleColumns {
  private record Column(int index, String field, String valueClass, String sqlType) {}

  private static final UncoercibleColumns NONE = new UncoercibleColumns(List.of());

  private final List<Column> columns;

  private UncoercibleColumns(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  static UncoercibleColumns none() {
    return NONE;
  }

  /** The columns of a planned SELECT whose final-stage type is a sketch or pair but whose SQL type is not OTHER. */
  static UncoercibleColumns of(QueryPlan plan) {
    TaskReportDestination destination = (TaskReportDestination) plan.destination();
    StageDefinition finalStage = plan.finalStage();
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < destination.columnMappings().size(); i++) {
      ColumnMapping mapping = destination.columnMappings().get(i);
      String sqlType = destination.sqlTypeNames().get(i);
      int index = finalStage.columnIndex(mapping.queryColumn());
      ColumnType type = index < 0 ? null : finalStage.signature().get(index).type();
      if (type != null && type.isRollupState() && !"OTHER".equals(sqlType)) {
        columns.add(new Column(i, mapping.queryColumn(), druidClass(type), sqlType));
      }
    }
    return columns.isEmpty() ? NONE : new UncoercibleColumns(columns);
  }

  /** Throws Druid's coercion error if the row holds a value of one of these columns. */
  void check(List<Object> row) {
    for (Column column : columns) {
      if (row.get(column.index()) != null) {
        throw new DruidException("general", DruidException.Persona.USER, DruidException.Category.INVALID_INPUT,
            "Cannot coerce field [" + column.field() + "] from type [" + column.valueClass() + "] to type ["
                + column.sqlType() + "]", Map.of(), null);
      }
    }
  }

  /** The class of the object Druid's aggregator leaves unfinalized, as the message names it. */
  private static String druidClass(ColumnType type) {
    return switch (type) {
      case HYPER_UNIQUE -> HyperLogLogCollector.makeLatestCollector().getClass().getName();
      case LONG_STRING_PAIR -> SerializablePairLongString.class.getName();
      case LONG_LONG_PAIR -> SerializablePairLongLong.class.getName();
      case LONG_FLOAT_PAIR -> SerializablePairLongFloat.class.getName();
      case LONG_DOUBLE_PAIR -> SerializablePairLongDouble.class.getName();
      case STRING, LONG, FLOAT, DOUBLE, STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, JSON, JSON_ARRAY ->
          throw new IllegalArgumentException("Not an unfinalized aggregate: " + type);
    };
  }
}
