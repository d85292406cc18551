package io.msqbeam.pipelines.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * NUL characters ({@code \u0000}) in string values. Druid's frames cannot hold them: a string with
 * one fails the task with {@code InvalidNullByte} unless the context sets {@code removeNullBytes},
 * which strips them instead. Values here are what rows hold: a String, a {@code List} of strings
 * (a multi-value string) or anything else, which never holds a NUL.
 */
public final class NullBytes {
  private NullBytes() {}

  /** Whether any string value of {@code row} holds a NUL. */
  public static boolean anyIn(Object[] row) {
    for (Object value : row) {
      if (firstWithNullByte(value) != null) {
        return true;
      }
    }
    return false;
  }

  /** The string (the value itself or one element of a multi-value string) holding a NUL, or null. */
  public static String firstWithNullByte(Object value) {
    if (value instanceof String string) {
      return string.indexOf('\0') >= 0 ? string : null;
    }
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof String string && string.indexOf('\0') >= 0) {
          return string;
        }
      }
    }
    return null;
  }

  /** Where the first NUL of {@code value} is, as Druid reports it: its offset in the UTF-8 bytes. */
  public static int position(String value) {
    int at = value.indexOf('\0');
    return at < 0 ? -1 : value.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
  }

  /** Removes every NUL from the string values of {@code row}, in place. */
  public static void strip(Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (row[i] instanceof String string) {
        if (string.indexOf('\0') >= 0) {
          row[i] = string.replace("\0", "");
        }
      } else if (row[i] instanceof List<?> list && firstWithNullByte(list) != null) {
        List<String> stripped = new ArrayList<>(list.size());
        for (Object element : list) {
          stripped.add(element == null ? null : element.toString().replace("\0", ""));
        }
        row[i] = stripped;
      }
    }
  }
}
