package io.msqbeam.pipelines.row;

import static org.assertj.core.api.Assertions.assertThat;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.druid.hll.HyperLogLogCollector;
import org.apache.druid.query.aggregation.cardinality.CardinalityAggregator;
import org.junit.jupiter.api.Test;

class RowCoderTest {
  private static final List<ColumnSignature> SIGNATURE = List.of(
      new ColumnSignature("s", ColumnType.STRING), new ColumnSignature("l", ColumnType.LONG),
      new ColumnSignature("f", ColumnType.FLOAT), new ColumnSignature("d", ColumnType.DOUBLE),
      new ColumnSignature("m", ColumnType.STRING));
  private static final RowCoder CODER = RowCoder.of(SIGNATURE);

  @Test
  void rowsWrittenBackToBackDecodeToTheSameValues() throws IOException {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"", 0L, 0f, 0d, null});
    rows.add(new Object[] {null, null, null, null, null});
    rows.add(new Object[] {"Ünïcödé ✓ 𝄞", Long.MIN_VALUE, Float.NaN, Double.NEGATIVE_INFINITY, List.of("a", "")});
    rows.add(new Object[] {"x".repeat(300), Long.MAX_VALUE, -1.5f, Math.PI, Arrays.asList("b", null, "c")});
    rows.add(new Object[] {"é".repeat(50), -1L, Float.MIN_VALUE, -0d, List.of()});
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      rows.add(randomRow(random));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object[] row : rows) {
      CODER.encode(row, out);
    }
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    for (Object[] row : rows) {
      assertThat(CODER.decode(in)).containsExactly(row);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void sketchesAndTimeValuePairsOfRollupMetricsRoundTrip() throws IOException {
    RowCoder coder = RowCoder.of(List.of(new ColumnSignature("u", ColumnType.HYPER_UNIQUE),
        new ColumnSignature("s", ColumnType.LONG_STRING_PAIR), new ColumnSignature("l", ColumnType.LONG_LONG_PAIR),
        new ColumnSignature("f", ColumnType.LONG_FLOAT_PAIR), new ColumnSignature("d", ColumnType.LONG_DOUBLE_PAIR)));
    io.msqbeam.pipelines.segment.DruidRuntime.initialize();
    HyperLogLogCollector sketch = HyperLogLogCollector.makeLatestCollector();
    for (int i = 0; i < 1000; i++) {
      sketch.add(CardinalityAggregator.HASH_FUNCTION.hashInt(i).asBytes());
    }
    Object[] row = {sketch, new TimedValue(946684800000L, "ab"), new TimedValue(-1L, 7L),
        new TimedValue(0L, 1.5f), new TimedValue(Long.MAX_VALUE, null)};
    Object[] decoded = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, row));
    assertThat(((HyperLogLogCollector) decoded[0]).estimateCardinality()).isEqualTo(sketch.estimateCardinality());
    assertThat(Arrays.copyOfRange(decoded, 1, 5)).containsExactly(Arrays.copyOfRange(row, 1, 5));
    Object[] nulls = {null, null, null, null, null};
    assertThat(CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, nulls))).containsExactly(nulls);
  }

  @Test
  void anUnpairedSurrogateIsWrittenAsAQuestionMarkLikeStringGetBytes() throws IOException {
    Object[] decoded = CoderUtils.decodeFromByteArray(CODER,
        CoderUtils.encodeToByteArray(CODER, new Object[] {"a\uD800b\uDC00", 1L, null, null, null}));
    assertThat(decoded[0]).isEqualTo(new String("a\uD800b\uDC00".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void equalRowsEncodeToEqualBytesAsKeys() throws IOException {
    KvCoder<Object[], Object[]> kv = KvCoder.of(CODER, CODER);
    Object[] row = {"key", 1_442_016_000_000L, 2.5f, 3.5d, List.of("v")};
    byte[] first = CoderUtils.encodeToByteArray(kv, KV.of(row, row));
    byte[] second = CoderUtils.encodeToByteArray(kv, KV.of(row.clone(), row.clone()));
    assertThat(first).isEqualTo(second);
    KV<Object[], Object[]> decoded = CoderUtils.decodeFromByteArray(kv, first);
    assertThat(decoded.getKey()).containsExactly(row);
    assertThat(decoded.getValue()).containsExactly(row);
  }

  @Test
  void rowsInTransitAsBytesDecodeWholeOrJustTheirKeyColumns() {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      Object[] row = randomRow(random);
      byte[] bytes = CODER.toBytes(row);
      assertThat(CODER.fromBytes(bytes)).containsExactly(row);
      // Any columns, in any order: each value as its string, null kept, the skipped ones unread.
      int[] positions = {3, 1, 4};
      assertThat(CODER.stringValues(bytes, positions)).containsExactly(
          row[3] == null ? null : row[3].toString(), row[1] == null ? null : row[1].toString(),
          row[4] == null ? null : row[4].toString());
      assertThat(CODER.stringValues(bytes, new int[] {0})).containsExactly(row[0] == null ? null : (String) row[0]);
    }
  }

  private static Object[] randomRow(Random random) {
    return new Object[] {
        random.nextInt(5) == 0 ? null : randomString(random),
        random.nextInt(5) == 0 ? null : random.nextLong() >> random.nextInt(64),
        random.nextInt(5) == 0 ? null : random.nextFloat(),
        random.nextInt(5) == 0 ? null : random.nextGaussian() * 1e6,
        random.nextInt(3) == 0 ? null : List.of(randomString(random), randomString(random))};
  }

  private static String randomString(Random random) {
    StringBuilder builder = new StringBuilder();
    int length = random.nextInt(random.nextBoolean() ? 10 : 200);
    for (int i = 0; i < length; i++) {
      int codePoint = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0xFF80) : 0x20 + random.nextInt(90);
      // Surrogate code points alone are not text; put a supplementary character (a surrogate pair) there.
      builder.appendCodePoint(Character.isSurrogate((char) codePoint) ? 0x1F600 : codePoint);
    }
    return builder.toString();
  }

  @Test
  void arraysRoundTripWithNullElementsAndCanBeSkippedOver() throws IOException {
    RowCoder coder = RowCoder.of(List.of(new ColumnSignature("tags", ColumnType.STRING_ARRAY),
        new ColumnSignature("nums", ColumnType.LONG_ARRAY), new ColumnSignature("vals", ColumnType.DOUBLE_ARRAY),
        new ColumnSignature("s", ColumnType.STRING)));
    Object[] row = {new Object[] {"a", null, "é"}, new Object[] {-1L, Long.MAX_VALUE}, new Object[] {}, "after"};
    Object[] decoded = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, row));
    assertThat(Arrays.deepEquals(decoded, row)).as(Arrays.deepToString(decoded)).isTrue();
    Object[] nulls = {null, new Object[] {null}, new Object[] {1.5, null}, null};
    Object[] decodedNulls = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, nulls));
    assertThat(Arrays.deepEquals(decodedNulls, nulls)).as(Arrays.deepToString(decodedNulls)).isTrue();
    // A column after the arrays is found by skipping them undecoded.
    assertThat(coder.stringValues(coder.toBytes(row), new int[] {3})).containsExactly("after");
  }

  @Test
  void jsonValuesRoundTripAsPlainTreesAndCanBeSkippedOver() throws IOException {
    RowCoder coder = RowCoder.of(List.of(new ColumnSignature("obj", ColumnType.JSON),
        new ColumnSignature("s", ColumnType.STRING)));
    java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
    object.put("b", List.of(1L, "x", 2.5, true));
    object.put("a", java.util.Collections.singletonMap("n", null));
    for (Object value : Arrays.asList(object, List.of(1L, 2L), "text", 7L, 1.5, false, null)) {
      Object[] row = {value, "after"};
      Object[] decoded = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, row));
      assertThat(decoded).containsExactly(value, "after");
      assertThat(coder.stringValues(coder.toBytes(row), new int[] {1})).containsExactly("after");
    }
    // Keys keep their order, so an object decodes to the same text it was read from.
    Object[] decoded = CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, new Object[] {object, null}));
    assertThat(JsonValues.toJson(decoded[0])).isEqualTo("{\"b\":[1,\"x\",2.5,true],\"a\":{\"n\":null}}");
  }
}
