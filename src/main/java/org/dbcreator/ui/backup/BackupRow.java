package org.dbcreator.ui.backup;

/**
 * A line of the Backup page: a table being copied, or one of the verification steps.
 *
 * @param expectedRows the server's estimate for a table (the manifest's count in a restore test); -1 when unknown
 * @param rows rows done so far
 * @param bytes uncompressed SQL bytes done so far (a table's); 0 for a verification step
 * @param detail what the row says besides its numbers (a verification's result)
 */
public record BackupRow(String name, long expectedRows, long rows, long bytes, Mark mark, String detail) {

    public enum Mark {
        PENDING, RUNNING, DONE, SKIPPED, FAILED;

        public String symbol() {
            return switch (this) {
                case PENDING -> "\u25CB";
                case RUNNING -> "\u25CF";
                case DONE -> "\u2713";
                case SKIPPED -> "\u2013";
                case FAILED -> "\u2717";
            };
        }
    }

    BackupRow progressed(long newRows, long newBytes, boolean finished) {
        return new BackupRow(name, expectedRows, newRows, newBytes, finished ? Mark.DONE : Mark.RUNNING, detail);
    }

    BackupRow marked(Mark newMark, String newDetail) {
        return new BackupRow(name, expectedRows, rows, bytes, newMark, newDetail);
    }
}
