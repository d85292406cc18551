/** Planning decisions: from parsed, validated SQL to a stage graph ({@code QueryPlan}). */
package io.msqbeam.translator.planner;
