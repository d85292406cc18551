package io.msqbeam.server.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One msq-beam server for one benchmark configuration, started as a user starts it
 * ({@code bin/msq-beam server}) in its own JVM with a fresh data directory, so that its peak
 * resident set size ({@code VmHWM}) belongs to that configuration alone.
 */
final class BenchServer implements AutoCloseable {
  private final Process process;
  private final URI base;

  private BenchServer(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  static BenchServer start(Path repo, Path dataDir, String runner, Path log) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(repo.resolve("bin/msq-beam").toString(), "server",
        "--port", Integer.toString(port), "--data-dir", dataDir.toString(), "--runner", runner));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    BenchServer server = new BenchServer(process, URI.create("http://127.0.0.1:" + port));
    try {
      server.awaitHealthy(Duration.ofMinutes(3));
    } catch (IOException e) {
      server.close();
      throw new IOException(e.getMessage() + " (server log " + log + ")", e);
    }
    return server;
  }

  URI base() {
    return base;
  }

  /**
   * CPU seconds the server has used so far, user and system, from {@code /proc/<pid>/stat}: unlike
   * wall time, not stretched by other work on the machine.
   */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime
    // are fields 14 and 15 of the line, 12 and 13 after the closing parenthesis.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
  }

  /**
   * CPU seconds the server's JIT compiler threads and its garbage collector's threads have used so
   * far, from {@code /proc/<pid>/task/<tid>/stat}: the JVM's own overheads, which live as long as
   * the server (unlike task threads, which end with their task and take their counts with them).
   */
  double[] jitAndGcCpuSeconds() throws IOException {
    double jit = 0;
    double gc = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String name;
        String stat;
        try {
          name = Files.readString(task.resolve("comm")).strip();
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException ended) {
          continue;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
          jit += seconds;
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
          gc += seconds;
        }
      }
    }
    return new double[] {jit, gc};
  }

  /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat} times: 100 on every usual kernel. */
  private static final int CLOCK_TICKS_PER_SECOND = 100;

  /** Peak resident set size of the server JVM so far, in bytes ({@code VmHWM} of /proc). */
  long peakRssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmHWM for pid " + process.pid());
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the server exited with " + process.exitValue() + " before it was healthy");
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/status/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new IOException("the server was not healthy within " + timeout);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
