package org.dbcreator.ui.service;

import org.dbcreator.engine.StatusReport;

/**
 * The answer of Test connection: the server reached and what it holds. A failure is thrown as the
 * engine's {@code DbCreatorException} with its code (to be replaced by the engine's layered probe).
 */
public record ConnectionCheck(String server, StatusReport.Condition condition, String state) {}
