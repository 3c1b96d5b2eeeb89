package org.dbcreator.ui.expand;

/**
 * A line of the Expand page's plan: a script (or data migration) header, or one of its statements.
 *
 * @param index the statement's position in its script, from 0; -1 for the script's own line
 */
public record ExpandRow(String script, int index, String text, Mark mark) {

    public enum Mark {
        PENDING, RUNNING, WAITING, DONE, SKIPPED, FAILED;

        /** The mark as the page draws it. */
        public String symbol() {
            return switch (this) {
                case PENDING -> "\u25CB";
                case RUNNING -> "\u25CF";
                case WAITING -> "\u23F8";
                case DONE -> "\u2713";
                case SKIPPED -> "\u21B7";
                case FAILED -> "\u2717";
            };
        }
    }

    public boolean isHeader() {
        return index < 0;
    }

    ExpandRow with(Mark newMark) {
        return new ExpandRow(script, index, text, newMark);
    }
}
