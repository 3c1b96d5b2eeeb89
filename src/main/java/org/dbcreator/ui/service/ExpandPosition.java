package org.dbcreator.ui.service;

import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * Where an interrupted expand stands, read from the server (state and journal): what a Resume
 * continues from.
 *
 * @param target the release the expand goes to
 * @param script the script or data migration of the last statement or batch done; empty when none is done yet
 * @param done the number (from 1) of that statement, or of that migration's batch
 * @param batch true when {@code script} is a data migration and {@code done} counts its batches
 */
public record ExpandPosition(Version target, Optional<String> script, int done, boolean batch) {}
