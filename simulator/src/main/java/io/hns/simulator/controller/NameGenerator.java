package io.hns.simulator.controller;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * Kubernetes-shaped names and UIDs from a seeded stream: pod suffixes of 5 characters from
 * apimachinery's {@code utilrand} alphabet (no vowels, no confusable digits), ReplicaSet
 * pod-template-hashes of 10, and version-4-shaped UIDs.
 */
public final class NameGenerator {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private final RandomGenerator random;

  public NameGenerator(RandomGenerator random) {
    this.random = random;
  }

  public String suffix(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  public String uid() {
    long hi = random.nextLong();
    long lo = random.nextLong();
    return String.format("%08x-%04x-4%03x-%04x-%012x",
        hi >>> 32, (hi >>> 16) & 0xffff, hi & 0xfff, (lo >>> 48) & 0x3fff | 0x8000, lo & 0xffffffffffffL);
  }

  /** A stable pod-template-hash for a template (same template, same hash). */
  public static String templateHash(String text) {
    long h = Hashing.murmur3_128().hashString(text, StandardCharsets.UTF_8).asLong();
    StringBuilder b = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      b.append(ALPHABET.charAt((int) Long.remainderUnsigned(h, ALPHABET.length())));
      h = Long.divideUnsigned(h, ALPHABET.length());
    }
    return b.toString();
  }
}
