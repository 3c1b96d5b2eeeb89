package org.dbcreator.ui.service;

import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * Where an interrupted cleanup stands, read from the server (state and journal): what a Resume
 * continues from.
 *
 * @param target the release the cleanup finishes
 * @param script the cleanup script of the last statement done; empty when none is done yet
 * @param done the number (from 1) of that statement in its script
 */
public record CleanupPosition(Version target, Optional<String> script, int done) {}
