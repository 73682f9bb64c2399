package io.hns.model.resource;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Exact Kubernetes quantity parsing ({@code 10k}, {@code 4Ti}, {@code 1900m}, {@code 4675304Ki},
 * {@code 1e3}). fabric8's {@link Quantity} does the suffix arithmetic; this class adds the
 * grammar check it skips and rounds up to integers the way apimachinery's {@code MilliValue()} and
 * {@code Value()} do (a request of 0.5m CPU is 1m, never 0).
 */
public final class Quantities {
  // apimachinery resource.Quantity grammar: sign, digits with optional fraction, then a binary
  // suffix, a decimal SI suffix or a decimal exponent.
  private static final Pattern GRAMMAR =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");

  private Quantities() {}

  /** The exact value of a quantity string. */
  public static BigDecimal parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidQuantityException(String.valueOf(text), "empty");
    }
    String s = text.trim();
    if (!GRAMMAR.matcher(s).matches()) {
      throw new InvalidQuantityException(
          text, "expected a number with an optional suffix (m, k, M, G, Ki, Mi, Gi, Ti, e3, ...)");
    }
    try {
      return new Quantity(s).getNumericalAmount();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidQuantityException(text, e.getMessage());
    }
  }

  /** Thousandths, rounded up: CPU in milli-cores. */
  public static long milliValue(String text) {
    return toLong(text, parse(text).movePointRight(3));
  }

  /** The integer value, rounded up: bytes or counts. */
  public static long value(String text) {
    return toLong(text, parse(text));
  }

  private static long toLong(String text, BigDecimal v) {
    if (v.signum() < 0) {
      throw new InvalidQuantityException(text, "must not be negative");
    }
    try {
      return v.setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidQuantityException(text, "too large");
    }
  }
}
