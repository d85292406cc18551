package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.CsvInputFormat;
import io.msqbeam.translator.plan.InputFormat;
import io.msqbeam.translator.plan.FlattenSpec;
import io.msqbeam.translator.plan.JsonInputFormat;
import io.msqbeam.translator.plan.ParquetInputFormat;
import io.msqbeam.translator.plan.TsvInputFormat;
import java.util.List;

/** Chooses the parser of an input format; called once per split because parsers hold header state. */
public final class RowParsers {
  private RowParsers() {}

  public static RowParser create(InputFormat format, List<ColumnSignature> signature) {
    if (format instanceof CsvInputFormat csv) {
      return new DelimitedRowParser(csv.text(), true, signature);
    }
    if (format instanceof TsvInputFormat tsv) {
      return new DelimitedRowParser(tsv.text(), false, signature);
    }
    if (format instanceof ParquetInputFormat parquet) {
      // Parquet records arrive as JSON lines (ParquetLines); fields are found by name or flattenSpec.
      return new FlattenedJsonRowParser(parquet.flattenSpec() == null ? new FlattenSpec(true, List.of())
          : parquet.flattenSpec(), signature);
    }
    JsonInputFormat json = (JsonInputFormat) format;
    if (json.flattenSpec() != null && !json.flattenSpec().fields().isEmpty()) {
      return new FlattenedJsonRowParser(json.flattenSpec(), signature);
    }
    return new JsonRowParser(signature);
  }
}
