package org.dbcreator.ui.service;

import java.util.Optional;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PlanPreview;
import org.dbcreator.engine.PreflightReport;

/**
 * What the next deploy or expand would run, read without changing anything: its statements and
 * its pre-flight checks (the expand's lint verdict among them).
 *
 * @param plan the statements, script by script; empty when nothing is to be run
 */
public record DryRun(OperationKind operation, Optional<PlanPreview> plan, PreflightReport checks) {}
