package io.msqbeam.server.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.server.http.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The three raw result rows of fixture query {@code sql-select} as the results file holds them (epoch
 * millis, longs, doubles, strings, nulls), its columns, and a way to render them in any format: the
 * input side of {@link SelectFixtureBodies}.
 */
final class SelectFixtureRows {
  static final ObjectMapper JSON = JsonMapper.create();

  static final List<ResultColumn> COLUMNS = List.of(
      new ResultColumn("__time", "LONG", "TIMESTAMP"),
      new ResultColumn("channel", "STRING", "VARCHAR"),
      new ResultColumn("cityName", "STRING", "VARCHAR"),
      new ResultColumn("comment", "STRING", "VARCHAR"),
      new ResultColumn("added", "LONG", "BIGINT"),
      new ResultColumn("delta_d", "DOUBLE", "DOUBLE"),
      new ResultColumn("isRobot", "STRING", "VARCHAR"));

  static final List<List<Object>> RAW_ROWS = List.of(
      Arrays.asList(millis("2015-09-12T00:46:58.771Z"), "#en.wikipedia", null, "added project", 36, 36.0, "false"),
      Arrays.asList(millis("2015-09-12T00:47:00.496Z"), "#ca.wikipedia", null,
          "Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]]", 17, 17.0, "true"),
      Arrays.asList(millis("2015-09-12T01:25:09.876Z"), "#en.wikipedia", "Chicago",
          "Articles talked about South Asia, not Central Asia. Furthermore, Peshawar, though inhabited by Pashtuns,"
              + " isn't really \"Central Asian\" though it has links to it. More of a frontier South Asian town. Keep"
              + " in mind it used to have mostly Hindki population.", 0, -12, "false"));

  private SelectFixtureRows() {}

  /** The body a writer of {@code format} produces for the fixture rows with {@code header}. */
  static String render(ResultFormat format, ResultHeader header) {
    return render(format, header, COLUMNS, RAW_ROWS);
  }

  static String render(ResultFormat format, ResultHeader header, List<ResultColumn> columns, List<List<Object>> rows) {
    ResultValueConverter converter = new ResultValueConverter(
        columns.stream().map(ResultColumn::sqlType).toList(), ZoneOffset.UTC, true, JSON);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ResultWriter writer = format.newWriter(out, JSON);
      writer.start(columns, header);
      for (List<Object> row : rows) {
        writer.writeRow(converter.convert(row));
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static ResultHeader header(boolean types, boolean sqlTypes) {
    return new ResultHeader(true, types, sqlTypes);
  }

  private static long millis(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }
}
