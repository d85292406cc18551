package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import java.io.Serializable;
import io.msqbeam.pipelines.row.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code RowTooLarge}: every row a stage writes must fit in one frame of {@code maxFrameSize}
 * bytes (1,000,000 unless the context sets {@code maxFrameSize}, a Druid 34 key). A row's size is
 * taken as Druid's row-based frame writer lays it out: a 4-byte end pointer per field; a string field
 * is, per value, a null marker, the UTF-8 bytes and a value terminator, then one row terminator; a
 * long or double field 9 bytes, a float 5. The frame itself spends {@link #FRAME_OVERHEAD} bytes on
 * its header, region ends and the row's offset. Druid's allocator may reserve a little more, so a
 * row within a few bytes of the limit can be judged differently; rows clearly over it never pass.
 *
 * <p>The check is cheap for ordinary rows: string lengths in chars bound their UTF-8 size by 3×,
 * and only a row whose bound exceeds the frame is measured exactly.
 */
final class FrameRowLimit implements Serializable {
  static final long DEFAULT_MAX_FRAME_SIZE = 1_000_000;
  /** Frame header (version, length, row count, permuted flag), two region ends and one row offset. */
  static final int FRAME_OVERHEAD = 14 + 2 * 8 + 8;
  private static final int FIXED_FIELD = 4 + 9;

  private final long maxFrameSize;

  FrameRowLimit(long maxFrameSize) {
    this.maxFrameSize = maxFrameSize;
  }

  /** The limit a stage's query context asks for ({@code maxFrameSize}), else Druid's default. */
  static FrameRowLimit of(Map<String, Object> context) {
    Object value = context == null ? null : context.get("maxFrameSize");
    long size = value instanceof Number number ? number.longValue()
        : value == null ? DEFAULT_MAX_FRAME_SIZE : Long.parseLong(value.toString().trim());
    return new FrameRowLimit(size);
  }

  /** Fails the task with RowTooLarge when {@code row} cannot fit in one frame. */
  void check(Object[] row) {
    long bound = FRAME_OVERHEAD;
    for (Object value : row) {
      bound += FIXED_FIELD;
      if (value instanceof String string) {
        bound += 3L * string.length();
      } else if (value instanceof java.util.Map<?, ?>) {
        bound += 3L * JsonValues.toJson(value).length();
      } else if (value instanceof List<?> list) {
        for (Object element : list) {
          bound += 2 + (element instanceof String string ? 3L * string.length() : 0);
        }
      }
    }
    if (bound > maxFrameSize && size(row) > maxFrameSize) {
      throw new FaultException(Fault.rowTooLarge(maxFrameSize));
    }
  }

  /** The bytes a frame holding only {@code row} needs. */
  static long size(Object[] row) {
    long size = FRAME_OVERHEAD;
    for (Object value : row) {
      size += 4;
      if (value instanceof String string) {
        size += 3 + string.getBytes(StandardCharsets.UTF_8).length;
      } else if (value instanceof List<?> list) {
        for (Object element : list) {
          size += 2 + (element == null ? 0 : element.toString().getBytes(StandardCharsets.UTF_8).length);
        }
        size += 1;
      } else if (value instanceof java.util.Map<?, ?>) {
        // A COMPLEX<json> object, laid out as its serialized bytes after a length.
        size += 5 + JsonValues.toJson(value).getBytes(StandardCharsets.UTF_8).length;
      } else {
        // A null is measured as a numeric field, the larger of the two a null can be.
        size += value instanceof Float ? 5 : 9;
      }
    }
    return size;
  }
}
