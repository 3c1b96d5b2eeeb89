package org.dbcreator.ui.app;

import org.dbcreator.progress.ProgressEvent;

/**
 * An engine event as a line of a page's own log (Cleanup, Abort upgrade): a statement by its
 * script and line, which the page's step list already numbers; every other event as the log
 * drawer says it.
 */
public final class PageLogLine {

    private PageLogLine() {}

    public static String of(ProgressEvent event) {
        if (event instanceof ProgressEvent.Notice n) {
            return n.message();
        }
        if (event instanceof ProgressEvent.StatementStarted s) {
            return Messages.get("pageLog.statementStarted", s.script(), s.line(), s.excerpt());
        }
        if (event instanceof ProgressEvent.StatementDone d) {
            return d.skipped() ? Messages.get("pageLog.statementSkipped", d.script(), d.line())
                    : Messages.get("pageLog.statementDone", d.script(), d.line(), d.millis());
        }
        return LogFeed.describe(event);
    }
}
