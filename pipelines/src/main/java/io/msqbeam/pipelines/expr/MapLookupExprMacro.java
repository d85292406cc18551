package io.msqbeam.pipelines.expr;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.druid.math.expr.Evals;
import org.apache.druid.math.expr.Expr;
import org.apache.druid.math.expr.ExprEval;
import org.apache.druid.math.expr.ExprMacroTable;
import org.apache.druid.math.expr.ExpressionType;
import org.apache.druid.query.extraction.MapLookupExtractor;
import org.apache.druid.query.lookup.LookupExtractionFn;

/**
 * {@code map_lookup(expr, 'name', '<map as JSON>', replaceMissingValueWith)}: SQL's LOOKUP with the
 * lookup's map carried in the expression itself, which the planner writes in place of Druid's
 * {@code lookup(expr, 'name'[, replaceMissingValueWith])}. Druid resolves a lookup by name on the
 * process that evaluates it; our plans run on workers (remote Flink TaskManagers included) that know
 * no lookups, so the map travels with the plan instead.
 *
 * <p>Values come from Druid's own {@link LookupExtractionFn} over a {@link MapLookupExtractor}, as
 * Druid's {@code lookup} macro does: a key missing from the map, or a null key, gives
 * {@code replaceMissingValueWith} (null when absent).
 */
final class MapLookupExprMacro implements ExprMacroTable.ExprMacro {
  static final String NAME = "map_lookup";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Expr apply(List<Expr> args) {
    validationHelperCheckArgumentCount(args, 4);
    validationHelperCheckArgIsLiteral(args.get(1), "second argument");
    validationHelperCheckArgIsLiteral(args.get(2), "third argument");
    validationHelperCheckArgIsLiteral(args.get(3), "fourth argument");
    Object replace = args.get(3).getLiteralValue();
    LookupExtractionFn extraction = new LookupExtractionFn(
        new MapLookupExtractor(map((String) args.get(2).getLiteralValue()), false),
        false, replace == null ? null : Evals.asString(replace), false, false);
    return new MapLookupExpr(this, args, extraction);
  }

  private static java.util.Map<String, String> map(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the map of a map_lookup", e);
    }
  }

  private static final class MapLookupExpr extends ExprMacroTable.BaseScalarMacroFunctionExpr {
    private final LookupExtractionFn extraction;

    MapLookupExpr(ExprMacroTable.ExprMacro macro, List<Expr> args, LookupExtractionFn extraction) {
      super(macro, args);
      this.extraction = extraction;
    }

    /**
     * A multi-value string is looked up value by value, as Druid maps a single-value function over a
     * multi-value input; the result is multi-value too.
     */
    @Override
    public ExprEval eval(ObjectBinding bindings) {
      ExprEval<?> input = args.get(0).eval(bindings);
      if (input.type().isArray()) {
        Object[] values = input.asArray();
        if (values == null) {
          return ExprEval.of(null);
        }
        String[] mapped = new String[values.length];
        for (int i = 0; i < values.length; i++) {
          mapped[i] = extraction.apply(values[i] == null ? null : values[i].toString());
        }
        return ExprEval.ofStringArray(mapped);
      }
      return ExprEval.of(extraction.apply(input.asString()));
    }

    @Override
    public ExpressionType getOutputType(InputBindingInspector inspector) {
      return ExpressionType.STRING;
    }
  }
}
