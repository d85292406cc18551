package io.msqbeam.pipelines.stage;

/**
 * How much an in-process job may hold in memory: groups of a groupBy, and rows buffered to sort
 * (ORDER BY without LIMIT, a large LIMIT, sorted results). A job that needs more is refused with
 * {@link InProcessRefusalException} so that the caller runs it on a pipeline runner instead; the
 * limits keep one interactive query from taking the server's heap.
 */
public record InProcessLimits(int maxGroups, int maxBufferedRows) {
  /** About 100 MB of small rows at most per query. */
  public static final InProcessLimits DEFAULT = new InProcessLimits(100_000, 500_000);

  public InProcessLimits {
    if (maxGroups < 1) {
      throw new IllegalArgumentException("maxGroups must be >= 1");
    }
    if (maxBufferedRows < 1) {
      throw new IllegalArgumentException("maxBufferedRows must be >= 1");
    }
  }
}
