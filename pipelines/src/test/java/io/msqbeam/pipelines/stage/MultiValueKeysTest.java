package io.msqbeam.pipelines.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msqbeam.pipelines.fault.FaultException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Druid's implicit unnesting of multi-value group keys, and its refusal when the context turns it off. */
class MultiValueKeysTest {
  private final MultiValueKeys keys = new MultiValueKeys(List.of("dim2", "dim3"), true);

  @Test
  void keepsASingleValueKeyAsIs() {
    assertThat(keys.of(new Object[] {"a", "b", 1.0})).containsExactly(new Object[] {"a", "b"});
  }

  @Test
  void unnestsEveryCombinationOfMultiValueDimensions() {
    assertThat(keys.of(new Object[] {List.of("a", "b"), Arrays.asList("x", null)})).containsExactly(
        new Object[] {"a", "x"}, new Object[] {"a", null}, new Object[] {"b", "x"}, new Object[] {"b", null});
  }

  @Test
  void groupsAnEmptyMultiValueRowUnderNull() {
    assertThat(keys.of(new Object[] {"a", List.of()})).containsExactly(new Object[] {"a", null});
  }

  @Test
  void refusesAMultiValueKeyWhenUnnestingIsOff() {
    MultiValueKeys strict = new MultiValueKeys(List.of("dim1", "dim3"), MultiValueKeys.unnests(
        Map.of("groupByEnableMultiValueUnnesting", "false")));
    assertThat(strict.of(new Object[] {"x", "y"})).hasSize(1);
    assertThatThrownBy(() -> strict.of(new Object[] {"x", List.of("a", "b")}))
        .isInstanceOfSatisfying(FaultException.class, e -> {
          assertThat(e.fault().errorCode()).isEqualTo("QueryRuntimeError");
          assertThat(e.fault().errorMessage()).isEqualTo("Column [dim3] is a multi-value string. Please wrap the"
              + " column using MV_TO_ARRAY() to proceed further.");
        });
  }
}
