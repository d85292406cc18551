package io.msqbeam.translator.sql;

import java.util.List;

/**
 * One of Druid's external-input table functions ({@code EXTERN}, {@code inline}, {@code localfiles},
 * {@code http}): its parameters, and how a call's arguments become an {@link ExternalTable}.
 * {@link InputTableFunctionOperator} makes it callable from SQL.
 */
interface InputTableFunction {
  String name();

  List<TableFunctionParameter> parameters();

  ExternalTable table(TableFunctionArguments arguments);
}
