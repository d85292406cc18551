package io.msqbeam.pipelines.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.pipelines.row.RowCoder;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

class PartitionBatchesTest {
  private static final RowCoder CODER = RowCoder.of(List.of(new ColumnSignature("s", ColumnType.STRING),
      new ColumnSignature("n", ColumnType.LONG), new ColumnSignature("l", ColumnType.STRING_ARRAY)));

  @Test
  void batchesRowsPerPartitionAndReadsThemBackInOrder() {
    PartitionBatches batches = new PartitionBatches();
    List<KV<KV<Long, Integer>, byte[]>> sent = new ArrayList<>();
    int rows = 20_000;
    for (int i = 0; i < rows; i++) {
      Object[] row = {i % 7 == 0 ? null : "value-" + i, (long) i, new Object[] {"a", null, "b" + i}};
      batches.add(KV.of((long) (i % 2), 0), CODER.toBytes(row), (key, batch) -> sent.add(KV.of(key, batch)));
    }
    int sentBeforeFlush = sent.size();
    batches.flush((key, batch) -> sent.add(KV.of(key, batch)));

    // Full batches leave as they fill; the flush sends the two partial ones.
    assertThat(sentBeforeFlush).isGreaterThan(0);
    assertThat(sent).hasSize(sentBeforeFlush + 2);
    assertThat(sent).allSatisfy(batch -> assertThat(batch.getValue().length)
        .isLessThan(PartitionBatches.BATCH_BYTES + 1024));
    List<Long> even = new ArrayList<>();
    List<Long> odd = new ArrayList<>();
    for (KV<KV<Long, Integer>, byte[]> batch : sent) {
      CODER.forEachRow(batch.getValue(), row -> {
        long n = (Long) row[1];
        assertThat(row[0]).isEqualTo(n % 7 == 0 ? null : "value-" + n);
        assertThat((Object[]) row[2]).containsExactly("a", null, "b" + n);
        (batch.getKey().getKey() == 0 ? even : odd).add(n);
      });
    }
    assertThat(even).hasSize(rows / 2).isSorted().allMatch(n -> n % 2 == 0);
    assertThat(odd).hasSize(rows / 2).isSorted().allMatch(n -> n % 2 == 1);
  }

  @Test
  void sendsEverythingWhenManyPartitionsHoldTooMuch() {
    PartitionBatches batches = new PartitionBatches();
    List<byte[]> sent = new ArrayList<>();
    byte[] row = CODER.toBytes(new Object[] {"x".repeat(1000), 1L, null});
    // 20,000 partitions of one row each: never a full batch, but past the memory bound everything goes.
    for (int i = 0; i < 20_000; i++) {
      batches.add(KV.of((long) i, 0), row, (key, batch) -> sent.add(batch));
    }
    long bound = PartitionBatches.MAX_BUFFERED_BYTES / row.length;
    assertThat(sent.size()).isGreaterThanOrEqualTo((int) bound).isLessThanOrEqualTo(20_000);
    int[] rows = {0};
    batches.flush((key, batch) -> sent.add(batch));
    sent.forEach(batch -> CODER.forEachRow(batch, r -> rows[0]++));
    assertThat(rows[0]).isEqualTo(20_000);
  }
}
