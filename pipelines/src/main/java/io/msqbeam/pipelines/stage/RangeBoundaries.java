package io.msqbeam.pipelines.stage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The split points of one time chunk under range partitioning: partition {@code i} holds the keys in
 * [{@code boundaries[i-1]}, {@code boundaries[i]}), the first range is open below and the last
 * above, so the ranges are contiguous and cover every key.
 *
 * <p>Boundaries are strictly increasing keys that occur in the data and are larger than the
 * smallest key, which makes every partition non-empty: the first holds the smallest key, partition
 * {@code i} holds the key {@code boundaries[i-1]} itself. A chunk whose keys are few may therefore
 * get fewer partitions than asked for (Druid cannot split one key value either).
 */
record RangeBoundaries(List<List<String>> boundaries) implements Serializable {
  /** Druid's {@code StringTuple} order: value by value, null first, then Java string order. */
  static final KeyOrder KEY_ORDER = new KeyOrder();

  public RangeBoundaries {
    List<List<String>> copy = new ArrayList<>();
    for (List<String> boundary : requireNonNull(boundaries, "boundaries is null")) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(boundary)));
    }
    for (int i = 1; i < copy.size(); i++) {
      if (KEY_ORDER.compare(copy.get(i - 1), copy.get(i)) >= 0) {
        throw new IllegalArgumentException("boundaries are not strictly increasing: " + copy);
      }
    }
    boundaries = Collections.unmodifiableList(copy);
  }

  /**
   * Picks the split points for {@code partitions} ranges of about equal size from the sorted
   * quantiles of a chunk's keys (minimum first, maximum last, evenly spaced ranks between).
   */
  static RangeBoundaries fromQuantiles(List<List<String>> quantiles, int partitions) {
    List<List<String>> boundaries = new ArrayList<>();
    if (quantiles.isEmpty() || partitions <= 1) {
      return new RangeBoundaries(boundaries);
    }
    List<String> previous = quantiles.get(0);
    int last = quantiles.size() - 1;
    for (int i = 1; i < partitions; i++) {
      List<String> candidate = quantiles.get((int) Math.round((double) i * last / partitions));
      if (KEY_ORDER.compare(candidate, previous) > 0) {
        boundaries.add(candidate);
        previous = candidate;
      }
    }
    return new RangeBoundaries(boundaries);
  }

  public int partitions() {
    return boundaries.size() + 1;
  }

  /** The partition whose range holds {@code key}: how many boundaries are at or below it (binary search). */
  public int partitionOf(List<String> key) {
    int low = 0;
    int high = boundaries.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (KEY_ORDER.compare(boundaries.get(middle), key) <= 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The inclusive start of a partition's range, or null for the first. */
  public List<String> start(int partition) {
    return partition == 0 ? null : boundaries.get(partition - 1);
  }

  /** The exclusive end of a partition's range, or null for the last. */
  public List<String> end(int partition) {
    return partition == boundaries.size() ? null : boundaries.get(partition);
  }

  /** Compares keys of equal length like Druid's {@code StringTuple}; serializable for Beam's quantiles. */
  static final class KeyOrder implements Comparator<List<String>>, Serializable {
    private static final Comparator<String> VALUE = Comparator.nullsFirst(Comparator.naturalOrder());

    private KeyOrder() {}

    @Override
    public int compare(List<String> left, List<String> right) {
      int size = Math.min(left.size(), right.size());
      for (int i = 0; i < size; i++) {
        int result = VALUE.compare(left.get(i), right.get(i));
        if (result != 0) {
          return result;
        }
      }
      return Integer.compare(left.size(), right.size());
    }
  }
}
