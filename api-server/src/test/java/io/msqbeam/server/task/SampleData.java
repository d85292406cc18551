package io.msqbeam.server.task;

import java.nio.file.Path;

/**
 * The inputs the end-to-end tests ingest, as SQL fragments: Druid's 20-row {@code wikipedia-sampled.json}
 * (2016-06-27, 10/4/6 rows in hours 00/01/02) and the 39,244-row wikiticker sample of the quickstart.
 */
final class SampleData {
  // From the module's directory, as the wikiticker path below: flink-job's ITs use these classes too.
  private static final Path SAMPLED_DIR = Path.of("../api-server/src/test/resources/data").toAbsolutePath().normalize();
  private static final Path WIKITICKER_DIR = Path.of("../examples/data").toAbsolutePath().normalize();

  /** EXTERN over the 20-row sample, with its timestamp, channel and added columns. */
  static final String SAMPLED_EXTERN = "TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + SAMPLED_DIR
      + "\",\"filter\":\"wikipedia-sampled.json\"}','{\"type\":\"json\"}','[{\"name\":\"timestamp\",\"type\":\"string\"},"
      + "{\"name\":\"channel\",\"type\":\"string\"},{\"name\":\"added\",\"type\":\"long\"}]'))";
  static final String SAMPLED_SELECT =
      "SELECT TIME_PARSE(\"timestamp\") AS __time, channel, added FROM " + SAMPLED_EXTERN;

  /**
   * EXTERN over Druid's six-row test table {@code foo} ({@code foo-rows.json}, copied from Druid's MSQ
   * test resources): {@code dim2} and {@code dim3} are JSON arrays read as multi-value strings.
   */
  static final String FOO_EXTERN = "TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + SAMPLED_DIR
      + "\",\"filter\":\"foo-rows.json\"}','{\"type\":\"json\"}','[{\"name\":\"t\",\"type\":\"string\"},"
      + "{\"name\":\"dim1\",\"type\":\"string\"},{\"name\":\"dim2\",\"type\":\"string\"},"
      + "{\"name\":\"dim3\",\"type\":\"string\"},{\"name\":\"m1\",\"type\":\"double\"}]'))";
  static final String FOO_SELECT = "SELECT TIME_PARSE(t) AS __time, dim1, dim2, dim3, m1 FROM " + FOO_EXTERN;

  /** The unparseable line of Druid's {@code wikipedia-sampled-unparsable.json}, its second. */
  static final String UNPARSABLE_LINE = readLine(SAMPLED_DIR.resolve("wikipedia-sampled-unparsable.json"), 1);

  private static String readLine(Path file, int index) {
    try {
      return java.nio.file.Files.readAllLines(file).get(index);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code wikipedia-sampled.json} with, after each of its 20 rows, the unparseable line of Druid's
   * {@code wikipedia-sampled-unparsable.json} (its second line, {@code {"isRobot":falseUNPARSABLE…}}): 40
   * lines, bad on every even line. Returns the file.
   */
  static Path writeSampledWithUnparseableLines(Path dir) throws java.io.IOException {
    String bad = UNPARSABLE_LINE;
    StringBuilder lines = new StringBuilder();
    for (String good : java.nio.file.Files.readAllLines(SAMPLED_DIR.resolve("wikipedia-sampled.json"))) {
      lines.append(good).append('\n').append(bad).append('\n');
    }
    return java.nio.file.Files.writeString(dir.resolve("wikipedia-sampled-bad.json"), lines);
  }

  /**
   * Druid's MSQWarningsTest input {@code unparseable.gz}: ten rows of 2019-08-19, each followed by a blank
   * line. The file ends {@code }\n\n}: ten blank lines, since a file's final newline ends its last line and
   * starts none (Druid's {@code FastLineIterator}).
   */
  static final Path UNPARSEABLE_GZ = SAMPLED_DIR.resolve("unparseable.gz");

  /** The file's URI as Druid's reader names it in a parse error ({@code File.toURI()}). */
  static String unparseableUri() {
    return UNPARSEABLE_GZ.toFile().toURI().toString();
  }

  /** EXTERN over {@code unparseable.gz} with MSQWarningsTest's signature. */
  static final String UNPARSEABLE_EXTERN = "TABLE(EXTERN('{\"type\":\"local\",\"files\":[\"" + UNPARSEABLE_GZ
      + "\"]}','{\"type\":\"json\"}','[{\"name\":\"timestamp\",\"type\":\"string\"},"
      + "{\"name\":\"page\",\"type\":\"string\"},{\"name\":\"user\",\"type\":\"string\"}]'))";

  /** MSQWarningsTest's query over {@code unparseable.gz} (rows per day, as {@code cnt}) as an INSERT. */
  static String unparseableDailyCounts(String dataSource) {
    return "INSERT INTO " + dataSource + " SELECT FLOOR(TIME_PARSE(\"timestamp\") TO DAY) AS __time,"
        + " COUNT(*) AS cnt FROM " + UNPARSEABLE_EXTERN + " GROUP BY 1 PARTITIONED BY DAY";
  }

  /** Rows per hour of a {@code wikipedia-sampled.json}-shaped file: {@code [hour millis, rows]}. */
  static String rowsPerHour(Path file) {
    return "SELECT TIME_FLOOR(TIME_PARSE(\"timestamp\"), 'PT1H') AS h, COUNT(*) AS cnt"
        + " FROM TABLE(EXTERN('{\"type\":\"local\",\"files\":[\"" + file + "\"]}','{\"type\":\"json\"}',"
        + "'[{\"name\":\"timestamp\",\"type\":\"string\"},{\"name\":\"channel\",\"type\":\"string\"}]'))"
        + " GROUP BY 1 ORDER BY 1";
  }

  /** The wikiticker directory, for statements that name it themselves (e.g. EXTERN with EXTEND). */
  static final Path WIKITICKER_BASE_DIR = WIKITICKER_DIR;

  private static final String WIKITICKER_SIGNATURE = "[{\"name\":\"time\",\"type\":\"string\"},"
      + "{\"name\":\"channel\",\"type\":\"string\"},{\"name\":\"cityName\",\"type\":\"string\"},"
      + "{\"name\":\"comment\",\"type\":\"string\"},{\"name\":\"countryIsoCode\",\"type\":\"string\"},"
      + "{\"name\":\"countryName\",\"type\":\"string\"},{\"name\":\"isAnonymous\",\"type\":\"string\"},"
      + "{\"name\":\"isMinor\",\"type\":\"string\"},{\"name\":\"isNew\",\"type\":\"string\"},"
      + "{\"name\":\"isRobot\",\"type\":\"string\"},{\"name\":\"isUnpatrolled\",\"type\":\"string\"},"
      + "{\"name\":\"metroCode\",\"type\":\"long\"},{\"name\":\"namespace\",\"type\":\"string\"},"
      + "{\"name\":\"page\",\"type\":\"string\"},{\"name\":\"regionIsoCode\",\"type\":\"string\"},"
      + "{\"name\":\"regionName\",\"type\":\"string\"},{\"name\":\"user\",\"type\":\"string\"},"
      + "{\"name\":\"delta\",\"type\":\"long\"},{\"name\":\"added\",\"type\":\"long\"},{\"name\":\"deleted\",\"type\":\"long\"}]";

  /** EXTERN over the wikiticker sample with fixture msq-a's 20-column signature. */
  static final String WIKITICKER_EXTERN = "TABLE(EXTERN('{\"type\":\"local\",\"baseDir\":\"" + WIKITICKER_DIR
      + "\",\"filter\":\"wikiticker-2015-09-12-sampled.json.gz\"}','{\"type\":\"json\"}','" + WIKITICKER_SIGNATURE + "'))";

  private SampleData() {}

  /** Fixture msq-a's INSERT of every wikiticker column, with {@code timeExpression} as {@code __time}. */
  static String wikitickerInsert(String dataSource, String timeExpression) {
    return "INSERT INTO " + dataSource + " SELECT " + timeExpression + " AS __time, * FROM " + WIKITICKER_EXTERN
        + " PARTITIONED BY DAY";
  }
}
