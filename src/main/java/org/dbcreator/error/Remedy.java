package org.dbcreator.error;

/**
 * What the operator can do about a failure, as data rather than words: the engine's actions
 * implement it, and each front end renders them its own way (the command line as a command, the
 * wizard as a button).
 */
public interface Remedy {}
