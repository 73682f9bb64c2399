package io.hns.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real kubectl binary, run against an emulator's kubeconfig with its own HOME (so that its
 * discovery cache is the test's), with a deadline on every call and bounded polling.
 */
final class Kubectl {
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  record Result(int code, String out, String err) {
    Result ok() {
      assertThat(code).as("kubectl exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
      return this;
    }
  }

  private final Path binary;
  private final Path kubeconfig;
  private final Path home;

  Kubectl(Path binary, Path kubeconfig, Path home) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
    this.home = home;
  }

  /** kubectl on the PATH, if any. */
  static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, "kubectl");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private ProcessBuilder builder(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.add("--kubeconfig");
    cmd.add(kubeconfig.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("KUBECONFIG");
    pb.directory(home.toFile());
    return pb;
  }

  Result run(String... args) {
    try {
      Process p = builder(args).start();
      p.getOutputStream().close();
      StreamReader out = new StreamReader(p.getInputStream());
      StreamReader err = new StreamReader(p.getErrorStream());
      if (!p.waitFor(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish within " + CALL_TIMEOUT);
      }
      return new Result(p.exitValue(), out.all(), err.all());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs kubectl until its output satisfies {@code done}, every 100 ms, for at most {@code within}. */
  Result await(Duration within, Predicate<String> done, String what, String... args) {
    long deadline = System.nanoTime() + within.toNanos();
    Result last;
    do {
      last = run(args);
      if (last.code() == 0 && done.test(last.out())) {
        return last;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError("waited " + within.toSeconds() + " s for " + what + "; last output of kubectl "
        + String.join(" ", args) + ":\n" + last.out() + last.err());
  }

  /** A long-running kubectl (such as {@code get -w}): started now, read until stopped. */
  Background start(String... args) {
    try {
      Process p = builder(args).start();
      p.getOutputStream().close();
      return new Background(p, new StreamReader(p.getInputStream()), new StreamReader(p.getErrorStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Background(Process process, StreamReader out, StreamReader err) {
    /** Waits until the output so far satisfies {@code done} (or the deadline), then stops kubectl. */
    String stopWhen(Duration within, Predicate<String> done) {
      long deadline = System.nanoTime() + within.toNanos();
      try {
        while (System.nanoTime() < deadline && !done.test(out.text()) && process.isAlive()) {
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        process.destroy();
        try {
          process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return out.text();
    }
  }

  /** Collects a process stream on its own thread. */
  static final class StreamReader {
    private final StringBuffer text = new StringBuffer();
    private final Thread thread;

    StreamReader(InputStream in) {
      thread = new Thread(() -> {
        byte[] buf = new byte[8192];
        try (in) {
          int n;
          while ((n = in.read(buf)) >= 0) {
            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          // process ended
        }
      }, "kubectl-output");
      thread.setDaemon(true);
      thread.start();
    }

    /** Everything, once the stream has ended. */
    String all() {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return text.toString();
    }

    String text() {
      try {
        thread.join(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return text.toString();
    }
  }
}
