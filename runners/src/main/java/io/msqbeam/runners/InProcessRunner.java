package io.msqbeam.runners;

import io.msqbeam.pipelines.stage.InProcessLimits;
import io.msqbeam.pipelines.stage.InProcessPlanExecutor;
import io.msqbeam.pipelines.stage.InProcessRefusalException;
import io.msqbeam.pipelines.stage.InProcessSegmentCache;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.plan.QueryPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs small SELECT plans in this JVM with {@link InProcessPlanExecutor} on a small pool of threads,
 * one job per thread: no Beam pipeline, so an interactive query costs what its rows cost, not the
 * 100–140 ms a DirectRunner pipeline costs before the first row.
 *
 * <p>{@link #submit} throws {@link InProcessRefusalException} for a plan the executor does not run
 * (ingestion); a job that outgrows {@link InProcessLimits} ends FAILED with that exception as its
 * failure. Either way nothing was published and the plan can go to another runner
 * ({@link InProcessFallbackRunner} does that).
 */
public final class InProcessRunner implements Runner, AutoCloseable {
  private static final int MAX_IDLE_SEGMENTS = 64;

  private final InProcessSegmentCache segments;
  private final InProcessPlanExecutor executor;
  private final ExecutorService pool;

  /** Keeps open segments under a new temporary directory. */
  public InProcessRunner(int threads, InProcessLimits limits) {
    this(threads, limits, temporaryDirectory());
  }

  /**
   * @param segmentCacheDir where segments kept open between queries are unpacked (at most
   *     {@value #MAX_IDLE_SEGMENTS} of them)
   */
  public InProcessRunner(int threads, InProcessLimits limits, Path segmentCacheDir) {
    this.segments = new InProcessSegmentCache(segmentCacheDir, MAX_IDLE_SEGMENTS);
    this.executor = new InProcessPlanExecutor(limits, segments);
    this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
  }

  @Override
  public String name() {
    return "inProcess";
  }

  @Override
  public RunningJob submit(QueryPlan plan, PipelineSettings settings) {
    InProcessPlanExecutor.checkRunnable(plan);
    InProcessJob job = new InProcessJob(executor, plan, settings);
    try {
      pool.execute(job::run);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("The in-process runner is closed", e);
    }
    return job;
  }

  /** Stops taking jobs and closes idle segments; running jobs finish, their threads are daemons. */
  @Override
  public void close() {
    pool.shutdown();
    segments.close();
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("in-process-segments");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory for open segments", e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "in-process-query-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
