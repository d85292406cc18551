package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One stage of a query plan, shaped as Druid's report shows it under {@code stages[].definition}:
 * its inputs, its processor, the signature of the rows it emits, and how they are shuffled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "input", "broadcast", "processor", "signature", "shuffleSpec", "maxWorkerCount"})
public record StageDefinition(
    String id,
    List<InputSpec> input,
    List<Integer> broadcast,
    StageProcessor processor,
    List<ColumnSignature> signature,
    ShuffleSpec shuffleSpec,
    int maxWorkerCount) implements java.io.Serializable {
  public StageDefinition {
    requireNonNull(id, "id is null");
    input = List.copyOf(requireNonNull(input, "input is null"));
    broadcast = broadcast == null || broadcast.isEmpty() ? null : List.copyOf(broadcast);
    for (int b : broadcast == null ? List.<Integer>of() : broadcast) {
      if (b < 0 || b >= input.size()) {
        throw new IllegalArgumentException("broadcast input " + b + " out of range of " + input.size());
      }
    }
    requireNonNull(processor, "processor is null");
    signature = List.copyOf(requireNonNull(signature, "signature is null"));
    if (input.isEmpty()) {
      throw new IllegalArgumentException("a stage needs at least one input");
    }
    if (maxWorkerCount < 1) {
      throw new IllegalArgumentException("maxWorkerCount must be >= 1");
    }
  }

  /** A stage without broadcast inputs. */
  public StageDefinition(String id, List<InputSpec> input, StageProcessor processor, List<ColumnSignature> signature,
      ShuffleSpec shuffleSpec, int maxWorkerCount) {
    this(id, input, null, processor, signature, shuffleSpec, maxWorkerCount);
  }

  public StageDefinition withShuffleSpec(ShuffleSpec newShuffleSpec) {
    return new StageDefinition(id, input, broadcast, processor, signature, newShuffleSpec, maxWorkerCount);
  }

  /** Whether input {@code inputNumber} is broadcast: read whole by every worker, before the other inputs. */
  public boolean isBroadcast(int inputNumber) {
    return broadcast != null && broadcast.contains(inputNumber);
  }

  /** The stage number: the suffix of the id {@code <queryId>_<n>}. */
  @JsonIgnore
  public int stageNumber() {
    return Integer.parseInt(id.substring(id.lastIndexOf('_') + 1));
  }

  /** The position of a column in {@link #signature()}, or -1. */
  public int columnIndex(String name) {
    for (int i = 0; i < signature.size(); i++) {
      if (signature.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
