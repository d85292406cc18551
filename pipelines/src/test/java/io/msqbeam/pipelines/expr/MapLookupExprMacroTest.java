package io.msqbeam.pipelines.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.catalog.Catalog;
import io.msqbeam.translator.catalog.Lookups;
import io.msqbeam.translator.catalog.TableDescriptor;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.ScanProcessor;
import io.msqbeam.translator.plan.VirtualColumn;
import io.msqbeam.translator.planner.StatementPlanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SQL's LOOKUP planned into {@code map_lookup} with the map inside the expression, evaluated by Druid's
 * lookup extraction over one row: keys and values with quotes, backslashes and non-ASCII text survive
 * the trip through the expression's string literal.
 */
class MapLookupExprMacroTest {
  private static final String EXTERN = "TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"x\"}','{\"type\":\"json\"}','"
      + "[{\"name\":\"s\",\"type\":\"string\"}]'))";
  private static final List<ColumnSignature> SIGNATURE = List.of(new ColumnSignature("s", ColumnType.STRING));

  private static final Catalog CATALOG = new Catalog() {
    @Override
    public Optional<TableDescriptor> table(String dataSource) {
      return Optional.empty();
    }

    @Override
    public List<String> dataSourceNames() {
      return List.of();
    }

    @Override
    public Lookups lookups() {
      Map<String, String> map = new HashMap<>();
      map.put("it's", "a \"quote\" and \\ a backslash");
      map.put("naïve", "日本");
      map.put("nothing", null);
      return new Lookups(Map.of("tricky", map));
    }
  };

  private static Object lookup(String sqlCall, String key) {
    ScanProcessor scan = (ScanProcessor) new StatementPlanner(CATALOG)
        .plan("SELECT " + sqlCall + " AS x FROM " + EXTERN, Map.of(), "query-q", "2024-01-01T00:00:00.000Z")
        .plan().stages().get(0).processor();
    VirtualColumn column = scan.query().virtualColumns().get(0);
    assertThat(column.expression()).startsWith("map_lookup(");
    return new RowExpression(column.expression(), SIGNATURE).evaluate(new Object[] {key}, column.outputType());
  }

  @Test
  void mapsKeysThroughTheMapCarriedInTheExpression() {
    assertThat(lookup("LOOKUP(s, 'tricky')", "it's")).isEqualTo("a \"quote\" and \\ a backslash");
    assertThat(lookup("LOOKUP(s, 'tricky')", "naïve")).isEqualTo("日本");
  }

  @Test
  void missingAndNullKeysGiveNullOrTheReplacement() {
    assertThat(lookup("LOOKUP(s, 'tricky')", "absent")).isNull();
    assertThat(lookup("LOOKUP(s, 'tricky', 'N/A')", "absent")).isEqualTo("N/A");
    assertThat(lookup("LOOKUP(s, 'tricky')", null)).isNull();
    assertThat(lookup("LOOKUP(s, 'tricky', 'N/A')", null)).isEqualTo("N/A");
    // A key mapped to null is missing to Druid's lookup extraction too.
    assertThat(lookup("LOOKUP(s, 'tricky', 'N/A')", "nothing")).isEqualTo("N/A");
  }
}
