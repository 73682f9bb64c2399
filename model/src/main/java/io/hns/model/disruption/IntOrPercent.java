package io.hns.model.disruption;

/** An IntOrString of the API that is either a count or a percentage ({@code "25%"}). */
public record IntOrPercent(int value, boolean percent) {
  public static IntOrPercent parse(String text) {
    String s = text.trim();
    try {
      if (s.endsWith("%")) {
        return new IntOrPercent(Integer.parseInt(s.substring(0, s.length() - 1)), true);
      }
      return new IntOrPercent(Integer.parseInt(s), false);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is neither an integer nor a percentage");
    }
  }

  /** intstr.GetScaledValueFromIntOrPercent with rounding up, as the disruption controller uses it. */
  public int scaledUp(int total) {
    return percent ? (int) Math.ceil(value * (double) total / 100.0) : value;
  }

  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
