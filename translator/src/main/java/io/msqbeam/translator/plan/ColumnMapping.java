package io.msqbeam.translator.plan;

import static java.util.Objects.requireNonNull;

/** Maps a column of the final stage ({@code queryColumn}) to a name the user sees ({@code outputColumn}). */
public record ColumnMapping(String queryColumn, String outputColumn) implements java.io.Serializable {
  public ColumnMapping {
    requireNonNull(queryColumn, "queryColumn is null");
    requireNonNull(outputColumn, "outputColumn is null");
  }
}
