package org.dbcreator.ui.service;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A backup the wizard took, as the Backup page shows it.
 *
 * @param file the dump file
 * @param bytes the dump file's size on disk (compressed)
 * @param tables how many tables it holds
 * @param rows how many rows it holds
 * @param restoreTested true when it was restored into a scratch database and compared with its
 *     manifest (and recorded so); false when it was only read back and checked
 * @param verifiedHow the verification in one sentence
 */
public record BackupSummary(Path file, long bytes, int tables, long rows, boolean restoreTested, String verifiedHow,
        Duration duration) {}
