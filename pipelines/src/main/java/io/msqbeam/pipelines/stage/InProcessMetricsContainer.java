package io.msqbeam.pipelines.stage;

import io.msqbeam.pipelines.counters.CounterNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.metrics.BoundedTrie;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Gauge;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.StringSet;

/**
 * Receives the Beam counters of a DoFn that the in-process executor calls directly (the external
 * reader), and adds them to the job's {@link InProcessCounters} under the same names the Beam runners
 * report. Only counters named {@code stage<N>}/{@code <counter>.<field>} are expected; any other kind
 * of metric fails loudly rather than vanish from the report.
 */
final class InProcessMetricsContainer implements MetricsContainer {
  private final transient InProcessCounters counters;
  private final transient Map<MetricName, Counter> cache = new ConcurrentHashMap<>();

  InProcessMetricsContainer(InProcessCounters counters) {
    this.counters = counters;
  }

  @Override
  public Counter getCounter(MetricName metricName) {
    return cache.computeIfAbsent(metricName, this::adapt);
  }

  private Counter adapt(MetricName metricName) {
    // One process, one worker: every counter is worker 0's, whatever the name says.
    CounterNames.Key key = CounterNames.parse(metricName.getNamespace(), metricName.getName())
        .orElseThrow(() -> unsupported(metricName));
    InProcessCounters.Counter counter = counters.counter(key.stage(), key.counter(), key.field());
    return new Counter() {
      @Override
      public void inc() {
        counter.inc();
      }

      @Override
      public void inc(long n) {
        counter.inc(n);
      }

      @Override
      public void dec() {
        counter.inc(-1);
      }

      @Override
      public void dec(long n) {
        counter.inc(-n);
      }

      @Override
      public MetricName getName() {
        return metricName;
      }
    };
  }

  @Override
  public Distribution getDistribution(MetricName metricName) {
    throw unsupported(metricName);
  }

  @Override
  public Gauge getGauge(MetricName metricName) {
    throw unsupported(metricName);
  }

  @Override
  public StringSet getStringSet(MetricName metricName) {
    throw unsupported(metricName);
  }

  @Override
  public BoundedTrie getBoundedTrie(MetricName metricName) {
    throw unsupported(metricName);
  }

  private static UnsupportedOperationException unsupported(MetricName metricName) {
    return new UnsupportedOperationException("In-process execution reports stage counters only, not " + metricName);
  }
}
