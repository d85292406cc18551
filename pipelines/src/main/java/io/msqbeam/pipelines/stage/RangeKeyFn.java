package io.msqbeam.pipelines.stage;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Keys each time-chunked row by its range key: the values of the range dimensions as strings
 * (null stays null), in the order {@link RangeBoundaries#KEY_ORDER} compares them.
 */
final class RangeKeyFn extends DoFn<KV<Long, Object[]>, KV<Long, List<String>>> {
  private final int[] positions;

  /** @param positions the row positions of the range dimensions, in order */
  RangeKeyFn(int[] positions) {
    this.positions = positions.clone();
  }

  static List<String> key(Object[] row, int[] positions) {
    List<String> key = new ArrayList<>(positions.length);
    for (int position : positions) {
      Object value = row[position];
      key.add(value == null ? null : value.toString());
    }
    return key;
  }

  @ProcessElement
  public void process(@Element KV<Long, Object[]> row, OutputReceiver<KV<Long, List<String>>> out) {
    out.output(KV.of(row.getKey(), key(row.getValue(), positions)));
  }
}
