package io.msqbeam.translator.planner;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Names a query level gives the columns it makes ({@code v0} virtual columns, {@code d0} dimensions,
 * {@code a0} aggregators, {@code p0} post-aggregators), prefixed with underscores as Druid prefixes an
 * outer query's names ({@code _d0}, {@code __a0}) so that they never clash with the columns the level
 * reads from an inner stage.
 */
final class ColumnNames {
  private final String prefix;

  private ColumnNames(String prefix) {
    this.prefix = prefix;
  }

  /** Names that differ from every one of {@code sourceColumns} that a level might also generate. */
  static ColumnNames avoiding(List<String> sourceColumns) {
    String prefix = "";
    while (clashes(prefix, sourceColumns)) {
      prefix += "_";
    }
    return new ColumnNames(prefix);
  }

  private static boolean clashes(String prefix, List<String> sourceColumns) {
    Pattern generated = Pattern.compile(Pattern.quote(prefix) + "[vdap]\\d+");
    return sourceColumns.stream().anyMatch(c -> generated.matcher(c).matches());
  }

  String virtualColumn(int n) {
    return prefix + "v" + n;
  }

  String dimension(int n) {
    return prefix + "d" + n;
  }

  String aggregator(int n) {
    return prefix + "a" + n;
  }

  String postAggregator(int n) {
    return prefix + "p" + n;
  }
}
