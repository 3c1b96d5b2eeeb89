package org.dbcreator.progress;

/** Receives an operation's progress on the thread that runs the operation. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> {};

    void onEvent(ProgressEvent event);
}
