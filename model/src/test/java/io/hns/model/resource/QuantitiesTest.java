package io.hns.model.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

  // staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go TestQuantityParse:
  // decimal SI suffixes ("5k"-style), binary suffixes ("4Ti"), milli ("1900m").
  @Test
  void parsesSuffixes() {
    assertThat(Quantities.value("10k")).isEqualTo(10_000);
    assertThat(Quantities.milliValue("10k")).isEqualTo(10_000_000);
    assertThat(Quantities.value("5k")).isEqualTo(5_000);
    assertThat(Quantities.value("4Ti")).isEqualTo(4L << 40);
    assertThat(Quantities.milliValue("1900m")).isEqualTo(1900);
    assertThat(Quantities.milliValue("2")).isEqualTo(2000);
    assertThat(Quantities.value("4675304Ki")).isEqualTo(4675304L * 1024);
    assertThat(Quantities.value("7120616Ki")).isEqualTo(7291510784L);
    assertThat(Quantities.value("32Mi")).isEqualTo(33_554_432L);
  }

  // quantity_test.go TestQuantityParse: decimal exponent forms ("1e3", "1E3") are 1000.
  @Test
  void parsesDecimalExponent() {
    assertThat(Quantities.value("1e3")).isEqualTo(1000);
    assertThat(Quantities.value("1E3")).isEqualTo(1000);
    assertThat(Quantities.parse("1e3")).isEqualByComparingTo(new BigDecimal(1000));
  }

  // quantity_test.go TestQuantityParse ("0.5" cores) and Quantity.MilliValue: 0.5 CPU is 500m.
  @Test
  void fractionalCoresAreMillicores() {
    assertThat(Quantities.milliValue("0.5")).isEqualTo(500);
    assertThat(Quantities.milliValue("1.5")).isEqualTo(1500);
  }

  // quantity.go MilliValue/Value round up (ScaledValue uses ceiling): 0.1m is 1m, never 0;
  // quantity_test.go TestQuantityParseZero/rounding cases ("0.0001" -> 1m).
  @Test
  void roundsUp() {
    assertThat(Quantities.milliValue("0.1m")).isEqualTo(1);
    assertThat(Quantities.milliValue("0.0001")).isEqualTo(1);
    assertThat(Quantities.value("1900m")).isEqualTo(2);
    assertThat(Quantities.value("0.5")).isEqualTo(1);
  }

  // quantity_test.go TestQuantityParse invalid cases ("aoeu", "1i", "", ...): errors name the input.
  @ParameterizedTest
  @ValueSource(strings = {"abc", "12x", "1.1.M", "0.1mi", ".5i"})
  void rejectsMalformedInputNamingIt(String input) {
    assertThatThrownBy(() -> Quantities.milliValue(input))
        .isInstanceOf(InvalidQuantityException.class)
        .hasMessageContaining("\"" + input + "\"")
        .extracting(e -> ((InvalidQuantityException) e).input()).isEqualTo(input);
  }

  // quantity_test.go TestQuantityParse: the empty string is not a quantity.
  @Test
  void rejectsEmpty() {
    assertThatThrownBy(() -> Quantities.value(""))
        .isInstanceOf(InvalidQuantityException.class)
        .hasMessage("invalid quantity \"\": empty");
  }

  // A negative quantity parses (quantity_test.go "-1"), but no request, capacity or allocatable
  // may be negative (pkg/apis/core/validation ValidateResourceQuantityValue: "must be greater than
  // or equal to 0"); the message names the input.
  @Test
  void rejectsNegativeResourceValues() {
    assertThat(Quantities.parse("-1")).isEqualByComparingTo(new BigDecimal(-1));
    assertThatThrownBy(() -> Quantities.milliValue("-1"))
        .isInstanceOf(InvalidQuantityException.class)
        .hasMessage("invalid quantity \"-1\": must not be negative");
    assertThatThrownBy(() -> Quantities.value("-1"))
        .hasMessageContaining("\"-1\"");
  }
}
