package io.msqbeam.runners;

import io.msqbeam.pipelines.stage.InProcessRefusalException;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.translator.plan.QueryPlan;

/**
 * Runs a plan in-process when the in-process executor takes it, and on another runner (a Beam one)
 * when it refuses — at submission (ingestion, unsupported shapes) or while running (the plan outgrew
 * the in-process limits; nothing was written then, so running it again is safe). Meant for the SQL
 * API, where most queries are small and latency is what users see.
 */
public final class InProcessFallbackRunner implements Runner {
  private final InProcessRunner inProcess;
  private final Runner fallback;

  public InProcessFallbackRunner(InProcessRunner inProcess, Runner fallback) {
    this.inProcess = inProcess;
    this.fallback = fallback;
  }

  @Override
  public String name() {
    return inProcess.name() + "," + fallback.name();
  }

  @Override
  public RunningJob submit(QueryPlan plan, PipelineSettings settings) {
    RunningJob first;
    try {
      first = inProcess.submit(plan, settings);
    } catch (InProcessRefusalException e) {
      return fallback.submit(plan, settings);
    }
    return new InProcessFallbackJob(first, () -> fallback.submit(plan, settings));
  }
}
