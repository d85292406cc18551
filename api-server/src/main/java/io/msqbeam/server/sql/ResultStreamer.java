package io.msqbeam.server.sql;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.msqbeam.pipelines.stage.JobOutputs;
import io.msqbeam.translator.planner.Explanation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a succeeded query's rows: sets the 200 headers, then writes each row as it is read from the
 * results file, so that a large result never sits in memory as one string.
 *
 * <p>Once the first byte is out the status cannot change, so a failure or a cancel from here on is
 * logged and the body is left without its end (no closing bracket, no trailing blank line), which is
 * how Druid signals a truncated response.
 */
public final class ResultStreamer {
  private static final Logger LOG = LoggerFactory.getLogger(ResultStreamer.class);

  private final ObjectMapper json;

  ResultStreamer(ObjectMapper json) {
    this.json = requireNonNull(json, "json is null");
  }

  void stream(Context ctx, SqlQuery request, List<ResultColumn> columns, ResultValueConverter converter,
      Path outputDir, RunningQuery query) throws IOException {
    ResultWriter writer = begin(ctx, request, json);
    try {
      writer.start(columns, request.resultHeader());
      JobOutputs.readResults(outputDir, row -> {
        if (query.isCancelled()) {
          throw new CancellationException("Query [" + query.sqlQueryId() + "] was cancelled while streaming");
        }
        write(writer, converter.convert(row));
      });
      writer.finish();
    } catch (IOException | RuntimeException e) {
      try {
        writer.flush();
      } catch (IOException flushFailure) {
        e.addSuppressed(flushFailure);
      }
      LOG.warn("SQL query [{}] stopped after its response started; the body is truncated", query.sqlQueryId(), e);
    }
  }

  /**
   * Answers {@code EXPLAIN PLAN FOR}: its one row ({@code PLAN}, {@code RESOURCES}, {@code ATTRIBUTES},
   * VARCHAR each) in the request's result format, as Druid answers it on either endpoint.
   */
  public static void explain(Context ctx, SqlQuery request, Explanation explanation, ObjectMapper json) throws IOException {
    ResultWriter writer = begin(ctx, request, json);
    writer.start(List.of(new ResultColumn("PLAN", "STRING", "VARCHAR"), new ResultColumn("RESOURCES", "STRING", "VARCHAR"),
        new ResultColumn("ATTRIBUTES", "STRING", "VARCHAR")), request.resultHeader());
    writer.writeRow(List.of(explanation.plan(), explanation.resources(), explanation.attributes()));
    writer.finish();
  }

  /** Sets the 200 status and Druid's result headers, and opens the request's result format's writer. */
  private static ResultWriter begin(Context ctx, SqlQuery request, ObjectMapper json) throws IOException {
    ctx.status(200);
    if (request.header()) {
      ctx.header("X-Druid-SQL-Header-Included", "yes");
    }
    ctx.header("X-Druid-Response-Context", "{}");
    ctx.contentType("application/json");
    return request.resultFormat().newWriter(ctx.outputStream(), json);
  }

  private static void write(ResultWriter writer, List<Object> values) {
    try {
      writer.writeRow(values);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a result row", e);
    }
  }
}
