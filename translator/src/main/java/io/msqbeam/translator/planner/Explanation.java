package io.msqbeam.translator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.DataSourceDestination;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.InputSpec;
import io.msqbeam.translator.plan.LimitProcessor;
import io.msqbeam.translator.plan.PlanJson;
import io.msqbeam.translator.plan.QueryPlan;
import io.msqbeam.translator.plan.SegmentGeneratorProcessor;
import io.msqbeam.translator.plan.ShuffleSpec;
import io.msqbeam.translator.plan.StageDefinition;
import io.msqbeam.translator.plan.StageInputSpec;
import io.msqbeam.translator.plan.TableInputSpec;
import io.msqbeam.translator.plan.TaskReportDestination;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one row Druid's {@code EXPLAIN PLAN FOR} answers: {@code PLAN}, the native query as JSON
 * ({@code [{"query":…,"signature":[…],"columnMappings":[…]}]}); {@code RESOURCES}, what the statement
 * reads and writes ({@code EXTERNAL} for external data, {@code DATASOURCE} for tables), sorted by
 * name; {@code ATTRIBUTES} ({@link ExplainAttributes}).
 *
 * <p>Druid plans a statement as one native query with nested {@code query} data sources; this plan
 * is a graph of stages, each with its part of the query. The native query is put back together
 * from them: each stage's input becomes the data source it stands for (an external or table data
 * source, or the query of the stage it reads), the second half of a GROUP BY is its first half, and
 * a final ORDER BY/LIMIT stage becomes the query's limit.
 */
public record Explanation(String plan, String resources, String attributes) {
  private static final ObjectMapper JSON = PlanJson.mapper();

  public static Explanation of(PlannedStatement statement) {
    QueryPlan plan = statement.plan();
    List<StageDefinition> stages = plan.stages();
    int last = stages.size() - 1;
    List<io.msqbeam.translator.plan.ColumnMapping> mappings;
    if (stages.get(last).processor() instanceof SegmentGeneratorProcessor generator) {
      mappings = generator.columnMappings();
      last = ((StageInputSpec) stages.get(last).input().get(0)).stage();
    } else {
      mappings = ((TaskReportDestination) plan.destination()).columnMappings();
    }
    ObjectNode entry = JSON.createObjectNode();
    entry.set("query", query(stages, last));
    entry.set("signature", JSON.valueToTree(stages.get(last).signature()));
    entry.set("columnMappings", JSON.valueToTree(mappings));
    ArrayNode explained = JSON.createArrayNode().add(entry);
    return new Explanation(PlanJson.toJson(explained), PlanJson.toJson(resources(statement)),
        PlanJson.toJson(statement.attributes()));
  }

  /** The native query stage {@code n}'s output is the result of, its inputs nested as data sources. */
  private static JsonNode query(List<StageDefinition> stages, int n) {
    StageDefinition stage = stages.get(n);
    if (stage.processor() instanceof LimitProcessor limit) {
      int source = ((StageInputSpec) stage.input().get(0)).stage();
      ObjectNode query = (ObjectNode) query(stages, source);
      withLimit(query, limit, stages.get(source));
      return query;
    }
    JsonNode processor = JSON.valueToTree(stage.processor());
    JsonNode query = processor.get("query");
    if (query == null) {
      // A stage with no native query of its own (a window or a sort-merge join): its processor, its inputs nested.
      query = processor;
    }
    if ("groupByPostShuffle".equals(processor.path("type").asText())
        && stage.input().get(0) instanceof StageInputSpec pre) {
      // The second half of a GROUP BY runs the same query as the first, over the first half's partial groups.
      return query(stages, pre.stage());
    }
    return substituteInputs(query.deepCopy(), stage, stages);
  }

  /** Replaces each {@code {"type":"inputNumber","inputNumber":k}} under {@code node} by input k's data source. */
  private static JsonNode substituteInputs(JsonNode node, StageDefinition stage, List<StageDefinition> stages) {
    if (node.isObject()) {
      if ("inputNumber".equals(node.path("type").asText()) && node.has("inputNumber")) {
        return dataSource(stage.input().get(node.get("inputNumber").asInt()), stages);
      }
      ObjectNode object = (ObjectNode) node;
      List<String> names = new java.util.ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, substituteInputs(object.get(name), stage, stages));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, substituteInputs(array.get(i), stage, stages));
      }
    }
    return node;
  }

  /** The native data source a stage input stands for. */
  private static JsonNode dataSource(InputSpec input, List<StageDefinition> stages) {
    if (input instanceof StageInputSpec stage) {
      ObjectNode query = JSON.createObjectNode();
      query.put("type", "query");
      query.set("query", query(stages, stage.stage()));
      return query;
    }
    if (input instanceof TableInputSpec table) {
      ObjectNode dataSource = JSON.createObjectNode();
      dataSource.put("type", "table");
      dataSource.put("name", table.dataSource());
      return dataSource;
    }
    // External data is already Druid's external data source: input source, format and signature.
    return JSON.valueToTree(input);
  }

  /** An ORDER BY/LIMIT stage folded into the query it limits, as Druid writes it into a scan or a groupBy. */
  private static void withLimit(ObjectNode query, LimitProcessor limit, StageDefinition source) {
    List<ShuffleSpec.KeyColumn> order = source.shuffleSpec() == null ? List.of()
        : source.shuffleSpec().clusterBy().columns();
    if ("groupBy".equals(query.path("queryType").asText())) {
      ObjectNode limitSpec = query.putObject("limitSpec");
      limitSpec.put("type", "default");
      ArrayNode columns = limitSpec.putArray("columns");
      for (ShuffleSpec.KeyColumn key : order) {
        ObjectNode column = columns.addObject();
        column.put("dimension", key.columnName());
        column.put("direction", key.order() == ShuffleSpec.Order.DESCENDING ? "descending" : "ascending");
        column.put("dimensionOrder", isNumeric(source, key.columnName()) ? "numeric" : "lexicographic");
      }
      putLimit(limitSpec, limit);
      return;
    }
    putLimit(query, limit);
    if (!order.isEmpty()) {
      ArrayNode orderBy = query.putArray("orderBy");
      for (ShuffleSpec.KeyColumn key : order) {
        ObjectNode column = orderBy.addObject();
        column.put("columnName", key.columnName());
        column.put("order", key.order() == ShuffleSpec.Order.DESCENDING ? "descending" : "ascending");
      }
    }
  }

  private static void putLimit(ObjectNode node, LimitProcessor limit) {
    if (limit.offset() != null) {
      node.put("offset", limit.offset());
    }
    if (limit.limit() != null) {
      node.put("limit", limit.limit());
    }
  }

  private static boolean isNumeric(StageDefinition stage, String column) {
    for (ColumnSignature signature : stage.signature()) {
      if (signature.name().equals(column)) {
        String type = signature.type().druidName();
        return type.equals("LONG") || type.equals("FLOAT") || type.equals("DOUBLE");
      }
    }
    return false;
  }

  /** What the statement reads and writes, each once, sorted by name (then type) as Druid lists them. */
  private static List<Map<String, String>> resources(PlannedStatement statement) {
    TreeMap<String, Map<String, String>> sorted = new TreeMap<>();
    for (StageDefinition stage : statement.plan().stages()) {
      for (InputSpec input : stage.input()) {
        if (input instanceof ExternalInputSpec) {
          sorted.put("EXTERNAL\0EXTERNAL", resource("EXTERNAL", "EXTERNAL"));
        } else if (input instanceof TableInputSpec table) {
          sorted.put(table.dataSource() + "\0DATASOURCE", resource(table.dataSource(), "DATASOURCE"));
        }
      }
    }
    if (statement.plan().destination() instanceof DataSourceDestination destination) {
      sorted.put(destination.dataSource() + "\0DATASOURCE", resource(destination.dataSource(), "DATASOURCE"));
    }
    return List.copyOf(sorted.values());
  }

  private static Map<String, String> resource(String name, String type) {
    Map<String, String> resource = new java.util.LinkedHashMap<>();
    resource.put("name", name);
    resource.put("type", type);
    return resource;
  }
}
