package io.msqbeam.runners.flink;

import static java.util.Objects.requireNonNull;

import io.msqbeam.pipelines.fault.Fault;
import io.msqbeam.pipelines.fault.FaultException;
import io.msqbeam.pipelines.stage.PipelineSettings;
import io.msqbeam.runners.Runner;
import io.msqbeam.runners.RunningJob;
import io.msqbeam.translator.plan.QueryPlan;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;

/**
 * Runs plans on an existing Flink 1.19 session cluster, known by its REST address ({@code host:port},
 * what {@code --flink-master} names). Each job ships {@code jobJar}, the shaded jar of module
 * {@code flink-job}: the cluster's class path has only Flink, so the job's code (Beam, Druid's
 * segment writer, our stages) comes from that jar in each job's own class loader. Jobs are then driven
 * by id through Flink's REST API exactly as on the embedded cluster ({@link FlinkJob}).
 *
 * <p>TaskManagers read inputs and write segments and descriptors at the paths in the plan and
 * {@link PipelineSettings}, so those must be the same files on every TaskManager and on the server: a
 * shared file system mounted at the same absolute path. The server checks what it can at start.
 */
public final class FlinkRemoteRunner implements Runner, AutoCloseable {
  private final URI restAddress;
  private final URL jobJar;
  private final boolean useDataStreamForBatch;
  private final RestClusterClient<StandaloneClusterId> client;
  /** Reads the cluster's overview and live job metrics, shared by all jobs. */
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * Connects nothing yet: the cluster may come up after the server, and is checked at each submission.
   *
   * @param host the JobManager's REST host
   * @param port the JobManager's REST port
   * @param jobJar the job jar to ship; must exist
   */
  public FlinkRemoteRunner(String host, int port, Path jobJar, boolean useDataStreamForBatch) {
    requireNonNull(host, "host is null");
    requireNonNull(jobJar, "jobJar is null");
    if (!Files.isRegularFile(jobJar)) {
      throw new IllegalArgumentException("The Flink job jar " + jobJar + " does not exist; build it with"
          + " `mvn -B -ntp package -DskipTests` (module flink-job)");
    }
    this.restAddress = URI.create("http://" + host + ":" + port);
    this.useDataStreamForBatch = useDataStreamForBatch;
    try {
      this.jobJar = jobJar.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a usable path for the Flink job jar: " + jobJar, e);
    }
    Configuration configuration = new Configuration();
    configuration.set(RestOptions.ADDRESS, host);
    configuration.set(RestOptions.PORT, port);
    // Flink's client retries 20 times, 3 s apart; a lost cluster should fail its tasks sooner.
    configuration.set(RestOptions.RETRY_MAX_ATTEMPTS, 5);
    configuration.set(RestOptions.RETRY_DELAY, 1000L);
    try {
      this.client = new RestClusterClient<>(configuration, StandaloneClusterId.getInstance());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create a REST client for the Flink cluster at " + restAddress, e);
    }
  }

  @Override
  public String name() {
    return "flink";
  }

  /** The cluster's REST address, e.g. {@code http://127.0.0.1:8081}. */
  public URI restAddress() {
    return restAddress;
  }

  /**
   * Submits the plan with as many workers as it asks for ({@code maxNumTasks} - 1), at most the
   * cluster's slots. An unreachable or unusable cluster fails the submission with an
   * {@code UnknownError} fault that says which address and why.
   */
  @Override
  public RunningJob submit(QueryPlan plan, PipelineSettings pipelineSettings) {
    ClusterOverview overview;
    try {
      overview = ClusterOverview.read(http, restAddress).checkUsable(restAddress);
    } catch (IllegalStateException e) {
      throw new FaultException(Fault.unknown(e.getMessage()));
    }
    int parallelism = FlinkSubmission.parallelism(plan, overview.slotsTotal());
    JobID jobId = FlinkSubmission.submit(plan, pipelineSettings, parallelism, useDataStreamForBatch,
        new ClusterClientExecutor(client, List.of(jobJar)));
    return new FlinkJob(client, jobId, parallelism, getClass().getClassLoader(),
        new LiveOperatorCounters(http, restAddress, jobId));
  }

  @Override
  public void close() {
    client.close();
  }
}
