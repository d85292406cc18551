package io.msqbeam.translator.plan;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * UNION ALL of stage inputs, as Druid's MSQ plans a union: the rows of every input, one after the
 * other. Every input has the union's columns, by name; the first input's signature is the union's.
 */
public record UnionDataSource(List<InputNumberDataSource> dataSources) implements QueryDataSource {
  public UnionDataSource {
    dataSources = List.copyOf(requireNonNull(dataSources, "dataSources is null"));
    if (dataSources.size() < 2) {
      throw new IllegalArgumentException("a union needs at least two inputs");
    }
  }

  @Override
  public List<Integer> inputNumbers() {
    return dataSources.stream().map(InputNumberDataSource::inputNumber).toList();
  }

  @Override
  public QueryDataSource shifted(int offset) {
    List<InputNumberDataSource> moved = new ArrayList<>();
    for (InputNumberDataSource source : dataSources) {
      moved.add(new InputNumberDataSource(source.inputNumber() + offset));
    }
    return new UnionDataSource(moved);
  }
}
