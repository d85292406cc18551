package io.msqbeam.translator.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.translator.error.DruidException;
import io.msqbeam.translator.plan.ColumnSignature;
import io.msqbeam.translator.plan.ColumnType;
import io.msqbeam.translator.plan.CsvInputFormat;
import io.msqbeam.translator.plan.ExternalInputSpec;
import io.msqbeam.translator.plan.HttpInputSource;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.JsonInputFormat;
import io.msqbeam.translator.plan.LocalInputSource;
import io.msqbeam.translator.plan.PasswordProvider;
import io.msqbeam.translator.plan.TsvInputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTableFunctionsTest {
  private static final List<ColumnSignature> XYZ = List.of(
      new ColumnSignature("x", ColumnType.STRING), new ColumnSignature("y", ColumnType.STRING),
      new ColumnSignature("z", ColumnType.LONG));

  @Test
  void inlineWithExtendBecomesInlineCsv() {
    ExternalInputSpec spec = ExternalInputs.single("SELECT * FROM TABLE(inline(data => ARRAY['a,b,1', 'c,d,2'],"
        + " format => 'csv')) EXTEND (x VARCHAR, y VARCHAR, z BIGINT)");
    assertThat(spec).isEqualTo(new ExternalInputSpec(new InlineInputSource("a,b,1\nc,d,2"),
        CsvInputFormat.withColumns(List.of("x", "y", "z"), null, 0), XYZ));
  }

  @Test
  void columnListWithoutExtendKeywordAndAliasWork() {
    ExternalInputSpec spec = ExternalInputs.single("SELECT t.x, t.z FROM TABLE(localfiles(files => ARRAY['/tmp/foo.csv',"
        + " '/tmp/bar.csv'], format => 'csv')) (x VARCHAR NOT NULL, y VARCHAR, z BIGINT) AS t");
    assertThat(spec.inputSource()).isEqualTo(new LocalInputSource(null, null, List.of("/tmp/foo.csv", "/tmp/bar.csv")));
    assertThat(spec.signature()).isEqualTo(XYZ);
  }

  @Test
  void localfilesResolvesFilesAgainstBaseDirAndDefaultsTheFilter() {
    assertThat(ExternalInputs.single("SELECT * FROM TABLE(localfiles(baseDir => '/data', files => ARRAY['a.csv'],"
        + " format => 'csv')) (x VARCHAR)").inputSource())
        .isEqualTo(new LocalInputSource(null, null, List.of("/data/a.csv")));
    assertThat(ExternalInputs.single("SELECT * FROM TABLE(localfiles(baseDir => '/data', format => 'csv')) (x VARCHAR)")
        .inputSource()).isEqualTo(new LocalInputSource("/data", "*", null));
    // FILTER is reserved in Calcite's grammar, so the argument name must be quoted
    assertThat(ExternalInputs.single("SELECT * FROM TABLE(localfiles(baseDir => '/data', \"filter\" => '*.tsv',"
        + " format => 'tsv', delimiter => '|', skipHeaderRows => 1)) (x VARCHAR)").inputFormat())
        .isEqualTo(TsvInputFormat.withColumns(List.of("x"), null, "|", 1));
  }

  @Test
  void httpCarriesUrisAndBasicAuth() {
    ExternalInputSpec spec = ExternalInputs.single("SELECT * FROM TABLE(http(userName => 'bob', password => 'secret',"
        + " uris => ARRAY['http://example.com/foo.csv'], format => 'csv')) EXTEND (x VARCHAR, y VARCHAR, z BIGINT)");
    assertThat(spec.inputSource()).isEqualTo(new HttpInputSource(List.of("http://example.com/foo.csv"), "bob",
        PasswordProvider.of("secret"), null));
    assertThat(spec.signature()).isEqualTo(XYZ);
  }

  @Test
  void httpRefusesProtocolsOutsideTheAllowList() {
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(http(uris => ARRAY['file:///etc/passwd'],"
        + " format => 'csv')) (x VARCHAR)"))
        .isInstanceOf(DruidException.class)
        .hasMessage("Invalid value for the field [inputSource]. Reason: Cannot construct instance of"
            + " `org.apache.druid.data.input.impl.HttpInputSource`, problem: Only [http, https] protocols are allowed");
  }

  @Test
  void externWithExtendTakesTheSignatureFromTheColumnList() {
    ExternalInputSpec spec = ExternalInputs.single("SELECT * FROM TABLE(EXTERN(inputSource => '{\"type\":\"inline\","
        + "\"data\":\"{}\"}', inputFormat => '{\"type\":\"json\"}')) EXTEND (x VARCHAR, y VARCHAR, z BIGINT)");
    assertThat(spec.signature()).isEqualTo(XYZ);
    assertThat(spec.inputFormat()).isEqualTo(new JsonInputFormat());
  }

  @Test
  void positionalExternWithExtendWorks() {
    assertThat(ExternalInputs.single("SELECT * FROM TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"{}\"}',"
        + " '{\"type\":\"json\"}')) EXTEND (x VARCHAR, y VARCHAR, z BIGINT)").signature()).isEqualTo(XYZ);
  }

  @Test
  void externRejectsSignatureAndExtendTogether() {
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(EXTERN(inputSource => '{\"type\":\"inline\","
        + "\"data\":\"{}\"}', inputFormat => '{\"type\":\"json\"}', signature => '[{\"name\":\"x\",\"type\":\"string\"}]'))"
        + " EXTEND (x VARCHAR)"))
        .hasMessage("EXTERN requires either a [signature] value or an EXTEND clause, but not both");
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"{}\"}',"
        + " '{\"type\":\"json\"}', '[{\"name\":\"x\",\"type\":\"string\"}]')) EXTEND (x VARCHAR)"))
        .hasMessage("EXTERN requires either a [signature] value or an EXTEND clause, but not both");
  }

  @Test
  void externWithoutSignatureOrExtendFails() {
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(EXTERN(inputSource => '{\"type\":\"inline\","
        + "\"data\":\"{}\"}', inputFormat => '{\"type\":\"json\"}'))"))
        .hasMessage("EXTERN requires either a [signature] value or an EXTEND clause");
  }

  @Test
  void extendRejectsTypesDruidCannotRead() {
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(inline(data => ARRAY['a'], format => 'csv'))"
        + " EXTEND (channel NOTATYPE)"))
        .isInstanceOfSatisfying(DruidException.class, e -> assertThat(e.errorCode()).isEqualTo("general"))
        .hasMessage("Uncategorized calcite error message: [org.apache.druid.java.util.common.IAE: Column [channel]"
            + " has an unsupported type: [`NOTATYPE`]]");
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(inline(data => ARRAY['a'], format => 'csv'))"
        + " EXTEND (t TIMESTAMP)"))
        .hasMessageContaining("Column [t] has an unsupported type: [TIMESTAMP]");
  }

  @Test
  void extendMapsEveryIntegerWidthToLongAndRealToFloat() {
    assertThat(ExternalInputs.single("SELECT * FROM TABLE(inline(data => ARRAY['1,2,3,4'], format => 'csv'))"
        + " (a TINYINT, b INTEGER, c REAL, d DOUBLE)").signature()).extracting(ColumnSignature::type)
        .containsExactly(ColumnType.LONG, ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE);
  }

  @Test
  void tableFunctionWithoutColumnsOrWithUnknownFormatFails() {
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(inline(data => ARRAY['a'], format => 'csv'))"))
        .hasMessageContaining("requires a column list");
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(inline(data => ARRAY['a'], format => 'xml'))"
        + " (x VARCHAR)"))
        .hasMessage("Unsupported format [xml]; expected one of [csv, tsv, json]");
  }

  @Test
  void externReportsBadFormatJsonAsDruidDoes() {
    assertThatThrownBy(() -> ExternalInputs.of("SELECT * FROM TABLE(EXTERN('{\"type\":\"inline\",\"data\":\"a\"}',"
        + " '{\"type\":\"csv\"}', '[{\"name\":\"x\",\"type\":\"string\"}]'))"))
        .hasMessage("Invalid value for the field [inputFormat]. Reason: Cannot construct instance of"
            + " `org.apache.druid.data.input.impl.CsvInputFormat`, problem: If columns field is not set, the first"
            + " row of your data must have your header and hasHeaderRow must be set to true.");
  }
}
