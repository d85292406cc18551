package io.msqbeam.translator.plan;

import java.util.List;

/** Well-known interval strings, printed as Druid prints them. */
public final class Intervals {
  /** Druid's "eternity": the widest interval Joda can print. */
  public static final String ETERNITY = "-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z";

  public static final List<String> ETERNITY_LIST = List.of(ETERNITY);

  private Intervals() {}
}
