package io.msqbeam.translator.plan;

/** Druid's join types: which unmatched rows a join keeps (null on the other side). */
public enum JoinType {
  INNER(false, false), LEFT(true, false), RIGHT(false, true), FULL(true, true);

  private final boolean keepsUnmatchedLeft;
  private final boolean keepsUnmatchedRight;

  JoinType(boolean keepsUnmatchedLeft, boolean keepsUnmatchedRight) {
    this.keepsUnmatchedLeft = keepsUnmatchedLeft;
    this.keepsUnmatchedRight = keepsUnmatchedRight;
  }

  public boolean keepsUnmatchedLeft() {
    return keepsUnmatchedLeft;
  }

  public boolean keepsUnmatchedRight() {
    return keepsUnmatchedRight;
  }
}
