package io.hns.traces;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Where a trace's bytes come from, openable more than once: operations that need a first pass
 * (scaling to a target peak, looping, the azure-functions top-N selection) read the input again
 * rather than keep it in memory.
 */
public interface TraceInput {
  /** The name used in messages: the path as the user gave it. */
  String name();

  /** A new stream over the whole input, from its first byte; the caller closes it. */
  InputStream open();

  /** A file; {@code .gz} files are decompressed on the fly. A missing file is a {@link TraceException}. */
  static TraceInput of(Path path) {
    Objects.requireNonNull(path, "path");
    String name = path.toString();
    return new TraceInput() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        if (Files.isDirectory(path)) {
          throw new TraceException(name + ": is a directory, not a trace file");
        }
        try {
          InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
          return name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (NoSuchFileException e) {
          throw new TraceException(name + ": no such file");
        } catch (AccessDeniedException e) {
          throw new TraceException(name + ": permission denied");
        } catch (IOException e) {
          throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
      }
    };
  }

  /** Any source of bytes, e.g. generated input in tests; {@code opener} is called once per pass. */
  static TraceInput of(String name, Supplier<? extends InputStream> opener) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
    return new TraceInput() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return opener.get();
      }
    };
  }

  /** The file name without directories and extensions ({@code code} for {@code /x/code.csv.gz}). */
  default String baseName() {
    String n = name().replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
