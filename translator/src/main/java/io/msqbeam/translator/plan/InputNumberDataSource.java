package io.msqbeam.translator.plan;

import java.util.List;

/** The data source of a stage's native query: "the stage's input number N", as in Druid's MSQ. */
public record InputNumberDataSource(int inputNumber) implements QueryDataSource {
  public InputNumberDataSource {
    if (inputNumber < 0) {
      throw new IllegalArgumentException("inputNumber must be >= 0: " + inputNumber);
    }
  }

  @Override
  public List<Integer> inputNumbers() {
    return List.of(inputNumber);
  }

  @Override
  public QueryDataSource shifted(int offset) {
    return new InputNumberDataSource(inputNumber + offset);
  }
}
