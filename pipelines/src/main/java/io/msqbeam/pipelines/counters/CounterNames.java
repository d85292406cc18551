package io.msqbeam.pipelines.counters;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the Beam metrics through which stages report Druid counters: namespace
 * {@code stage<N>}, name {@code <counter>.<field>@<worker>} (e.g. {@code input0.rows@1}), where the
 * worker is the number of the worker that counted (Druid reports counters per worker). Runners turn
 * them back into Druid counter snapshots with {@link #parse}.
 */
public final class CounterNames {
  public static final String INPUT0 = "input0";
  public static final String OUTPUT = "output";
  public static final String SEGMENT_GENERATION = "segmentGenerationProgress";
  /** Warnings by fault code, e.g. {@code warnings.CannotParseExternalData}. */
  public static final String WARNINGS = "warnings";

  private static final Pattern NAME = Pattern.compile("([^.@]+)\\.([^@]+)(?:@(\\d+))?");

  private CounterNames() {}

  public static String namespace(int stageNumber) {
    return "stage" + stageNumber;
  }

  public static String name(String counter, String field) {
    return counter + "." + field;
  }

  /** The name of {@code field} of {@code counter} as counted by worker {@code worker}. */
  public static String name(String counter, String field, int worker) {
    return name(counter, field) + "@" + worker;
  }

  /** One counter field of one worker of one stage. */
  public record Key(int stage, int worker, String counter, String field) {}

  /**
   * The counter a Beam metric counts, if it is one of ours; a name without a worker is worker 0's
   * (what a runner that does not split stages counts).
   */
  public static Optional<Key> parse(String namespace, String name) {
    if (!namespace.startsWith("stage")) {
      return Optional.empty();
    }
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int stage;
    try {
      stage = Integer.parseInt(namespace.substring("stage".length()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    int worker = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
    return Optional.of(new Key(stage, worker, matcher.group(1), matcher.group(2)));
  }
}
