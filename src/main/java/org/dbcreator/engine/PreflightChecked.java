package org.dbcreator.engine;

import org.dbcreator.progress.ProgressEvent;

/** The pre-flight checks of the operation about to start (or refused, when one is red). */
public record PreflightChecked(PreflightReport report) implements ProgressEvent.OperationEvent {}
