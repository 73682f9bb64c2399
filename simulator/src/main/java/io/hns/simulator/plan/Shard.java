package io.hns.simulator.plan;

/**
 * Shard {@code index} of {@code count} (both 1-based: {@code --shard 2/4}): the points whose
 * {@code (id - 1) mod count} is {@code index - 1}. Whole points, never split, so that a point's
 * early stop is decided in one place; round-robin, so that neighbouring (similar-cost) points
 * spread over the shards.
 */
public record Shard(int index, int count) {
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, got " + index + "/" + count);
    }
  }

  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("--shard: \"" + text + "\" is not I/N (for example 2/4)");
  }

  public boolean includes(int pointId) {
    return (pointId - 1) % count == index - 1;
  }

  public boolean isAll() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
