package io.msqbeam.pipelines.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.msqbeam.translator.plan.ParquetInputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * The records of a Parquet file, one row group in memory at a time, each rendered as one JSON line
 * ({@link ParquetRecords}) so the {@code json} format's parser, flattenSpec and coercion read it.
 * That costs a JSON round trip per record, accepted because Parquet is read far less than JSON here;
 * a typed path straight into rows would remove it. Parquet needs random access (its footer is at the
 * end), so a split that is not a local file (an http URI) is first copied to a temporary file, as
 * Druid's parquet extension fetches remote objects; the copy is deleted on close. No Hadoop file
 * system or configuration is used: the file is read through {@link LocalInputFile}.
 */
final class ParquetLines implements SplitRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ParquetFileReader reader;
  private final Path temporaryCopy;
  private final long fileSize;
  private final MessageColumnIO columnIO;
  private final GroupRecordConverter converter;
  private final ParquetRecords records;
  private RecordReader<Group> rowGroup;
  private long rowsLeftInGroup;
  private byte[] line = new byte[0];
  private boolean done;

  private ParquetLines(Path file, Path temporaryCopy, ParquetInputFormat format) throws IOException {
    this.temporaryCopy = temporaryCopy;
    this.fileSize = Files.size(file);
    this.reader = ParquetFileReader.open(new LocalInputFile(file),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    MessageType schema = reader.getFooter().getFileMetaData().getSchema();
    this.columnIO = new ColumnIOFactory().getColumnIO(schema);
    this.converter = new GroupRecordConverter(schema);
    this.records = new ParquetRecords(format.readsBinaryAsString());
  }

  static ParquetLines open(InputSplit split, ParquetInputFormat format) throws IOException {
    if (split instanceof InputSplit.FileSplit file) {
      return new ParquetLines(Path.of(file.path()), null, format);
    }
    Path copy = Files.createTempFile("msq-beam-parquet-", ".parquet");
    try (InputStream in = SplitStreams.open(split)) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return new ParquetLines(copy, copy, format);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }

  @Override
  public boolean next() throws IOException {
    while (rowsLeftInGroup == 0) {
      if (done) {
        return false;
      }
      PageReadStore pages = reader.readNextRowGroup();
      if (pages == null) {
        done = true;
        return false;
      }
      rowsLeftInGroup = pages.getRowCount();
      rowGroup = columnIO.getRecordReader(pages, converter);
    }
    rowsLeftInGroup--;
    line = MAPPER.writeValueAsBytes(records.toJson(rowGroup.read()));
    return true;
  }

  @Override
  public byte[] line() {
    return line;
  }

  @Override
  public int length() {
    return line.length;
  }

  /** The whole file: Parquet is read by row groups, not as a stream, so its size is what was read. */
  @Override
  public long bytesRead() {
    return fileSize;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      if (temporaryCopy != null) {
        Files.deleteIfExists(temporaryCopy);
      }
    }
  }
}
