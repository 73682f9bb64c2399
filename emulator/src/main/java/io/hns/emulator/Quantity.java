package io.hns.emulator;

/** Canonical Kubernetes quantity strings for the model's integer units. */
final class Quantity {
  private Quantity() {}

  private static final String[] DECIMAL = {"", "k", "M", "G", "T", "P", "E"};
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  /** Milli-cores: {@code 1900m}, {@code 2}, {@code 10k}. */
  static String cpu(long milli) {
    if (milli % 1000 != 0) {
      return milli + "m";
    }
    return count(milli / 1000);
  }

  /** A plain count with decimal suffixes: {@code 30}, {@code 5k}. */
  static String count(long n) {
    int i = 0;
    while (n != 0 && n % 1000 == 0 && i < DECIMAL.length - 1) {
      n /= 1000;
      i++;
    }
    return n + DECIMAL[i];
  }

  /** Bytes with the largest exact binary suffix: {@code 32Mi}, {@code 7113160Ki}, {@code 4Ti}. */
  static String bytes(long b) {
    int i = 0;
    while (b != 0 && b % 1024 == 0 && i < BINARY.length - 1) {
      b /= 1024;
      i++;
    }
    return b + BINARY[i];
  }

  /** Bytes in Ki as the kubelet reports memory ({@code 7113160Ki}); rounds down. */
  static String kibibytes(long b) {
    return (b / 1024) + "Ki";
  }

  /** Nano-cores as metrics-server reports usage ({@code 1234567n}). */
  static String nanoCpu(long milli) {
    return milli == 0 ? "0" : (milli * 1_000_000L) + "n";
  }
}
