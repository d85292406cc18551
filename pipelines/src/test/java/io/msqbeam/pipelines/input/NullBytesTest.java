package io.msqbeam.pipelines.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NullBytesTest {
  @Test
  void findsANulInAStringOrAnElementOfAMultiValueString() {
    assertThat(NullBytes.anyIn(new Object[] {"a", 1L, null, List.of("b", "c")})).isFalse();
    assertThat(NullBytes.anyIn(new Object[] {"a", "b\0"})).isTrue();
    assertThat(NullBytes.firstWithNullByte(Arrays.asList("x", null, "y\0z"))).isEqualTo("y\0z");
    assertThat(NullBytes.firstWithNullByte(3.5)).isNull();
  }

  @Test
  void positionIsTheOffsetInUtf8Bytes() {
    String value = "é\0";
    assertThat(NullBytes.position(value)).isEqualTo("é".getBytes(StandardCharsets.UTF_8).length).isEqualTo(2);
    assertThat(NullBytes.position("abc")).isEqualTo(-1);
  }

  @Test
  void stripRemovesEveryNulInPlaceAndKeepsNulls() {
    Object[] row = {"a\0b\0", Arrays.asList("\0c", null), 7L, null};
    NullBytes.strip(row);
    assertThat(row).containsExactly("ab", Arrays.asList("c", null), 7L, null);
  }
}
