package io.msqbeam.translator.planner;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;

/**
 * A relational tree taken apart into the parts a stage graph is built from, in Druid's order:
 * scan → where → select projection → aggregate → having → post-aggregation projection → sort.
 * Any part but the scan may be absent (null). Trees of any other shape are not plannable yet.
 */
record QueryShape(
    TableScan scan, Filter where, Project selectProject, Aggregate aggregate, Filter having, Project postProject,
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
    if (!(node instanceof TableScan scan)) {
      throw Unplannable.because("SQL requires a query shape that is not supported yet: "
          + rel.explain().replace('\n', ' ').trim());
    }
    return new QueryShape(scan, where, selectProject, aggregate, having, postProject, sort);
  }
}
