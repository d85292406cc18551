package io.msqbeam.translator.catalog;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.TableInputSpec.SegmentFile;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A datasource: its columns ({@code __time} first, then the union of the dimensions of its used
 * segments) and the used, non-overshadowed segments a query reads.
 */
public record TableDescriptor(String name, List<ColumnSignature> columns, List<SegmentFile> segments) {
  public TableDescriptor {
    requireNonNull(name, "name is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    segments = List.copyOf(requireNonNull(segments, "segments is null"));
  }
}
