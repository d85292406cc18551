package io.msqbeam.translator.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The data source of a stage's native query, as Druid's MSQ writes it: one of the stage's inputs by
 * number, a union of inputs, a join of inputs, or the unnesting of another data source's rows. The stage reads the rows this describes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = InputNumberDataSource.class, name = "inputNumber"),
    @JsonSubTypes.Type(value = UnionDataSource.class, name = "union"),
    @JsonSubTypes.Type(value = JoinDataSource.class, name = "join"),
    @JsonSubTypes.Type(value = UnnestDataSource.class, name = "unnest"),
})
public sealed interface QueryDataSource extends java.io.Serializable
    permits InputNumberDataSource, UnionDataSource, JoinDataSource, UnnestDataSource {

  /** The stage input numbers this data source reads, in order. */
  List<Integer> inputNumbers();

  /** This data source with every input number raised by {@code offset} (it moves behind other inputs). */
  QueryDataSource shifted(int offset);
}
