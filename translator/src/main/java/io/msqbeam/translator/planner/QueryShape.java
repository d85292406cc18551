package io.msqbeam.translator.planner;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;

/**
 * One query level of a relational tree taken apart into the parts a chain of stages is built from,
 * in Druid's order: source → where → select projection → aggregate → having → post-aggregation
 * projection → sort. Any part but the source may be absent (null). The source is what is left
 * below: a table scan, or a relation planned on its own (a subquery that does not collapse into
 * this level, a union, a join), whose stage output this level reads, as Druid's MSQ reads a
 * {@code query} data source through a stage input.
 */
record QueryShape(
    RelNode source, Filter where, Project selectProject, Aggregate aggregate, Filter having, Project postProject,
    Sort sort) {

  static QueryShape of(RelNode rel) {
    RelNode node = rel;
    Sort sort = null;
    if (node instanceof Sort s) {
      sort = s;
      node = s.getInput();
    }
    Project upperProject = null;
    if (node instanceof Project p) {
      upperProject = p;
      node = p.getInput();
    }
    Filter upperFilter = null;
    if (node instanceof Filter f) {
      upperFilter = f;
      node = f.getInput();
    }
    Aggregate aggregate = null;
    if (node instanceof Aggregate a) {
      aggregate = a;
      node = a.getInput();
    }
    Project selectProject;
    Filter where;
    Filter having = null;
    Project postProject = null;
    if (aggregate != null) {
      having = upperFilter;
      postProject = upperProject;
      selectProject = null;
      where = null;
      if (node instanceof Project p) {
        selectProject = p;
        node = p.getInput();
      }
      if (node instanceof Filter f) {
        where = f;
        node = f.getInput();
      }
    } else {
      selectProject = upperProject;
      where = upperFilter;
      if (selectProject == null && node instanceof Project p) {
        selectProject = p;
        node = p.getInput();
      }
      if (where == null && node instanceof Filter f) {
        where = f;
        node = f.getInput();
      }
    }
    return new QueryShape(node, where, selectProject, aggregate, having, postProject, sort);
  }
}
