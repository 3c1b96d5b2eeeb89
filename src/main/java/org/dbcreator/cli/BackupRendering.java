package org.dbcreator.cli;

import java.util.Locale;
import org.dbcreator.backup.BackupManifest;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.backup.RestoreResult;
import org.dbcreator.backup.VerifyResult;
import org.dbcreator.engine.TakenBackup;

/** The lines that end a backup, a verification and a restore; text from a file or the server is escaped. */
final class BackupRendering {

    private BackupRendering() {}

    static String backup(TakenBackup taken) {
        BackupResult r = taken.backup();
        BackupManifest m = r.manifest();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "BACKED UP: %s (%s tables, %,d rows) in %.1f s, %s%n", m.database(),
                m.tables().size(), m.rows(), r.duration().toMillis() / 1000.0, m.consistency()));
        out.append("  file      ").append(r.files().dump()).append(String.format(Locale.ROOT, " (%.1f MB, sha256 %s)%n",
                m.file().bytes() / 1e6, m.file().sha256()));
        out.append("  manifest  ").append(r.files().manifest()).append('\n');
        out.append("  verified  read back from the disk: size and SHA-256 match what was written\n");
        taken.restoreTest().flatMap(VerifyResult::restoreTest).ifPresentOrElse(t -> out.append(restored(t)),
                () -> out.append("  restored  no: the restore test was skipped; the backup is not proved restorable\n"));
        out.append("  recorded  ").append(r.recorded() ? "in dbcreator_backup, where 'dbcreator upgrade' finds it"
                + (taken.provedRestorable() ? ", as restore-tested" : ", as read back only")
                : "no (the database is not managed, or the user may not write the tool's tables)").append('\n');
        r.warnings().forEach(w -> out.append("  warning   ").append(Printable.line(w)).append('\n'));
        return out.toString();
    }

    static String verify(VerifyResult r) {
        StringBuilder out = new StringBuilder();
        String what = r.stockDump() ? "stock dump" : "DatabaseCreator backup";
        out.append(String.format(Locale.ROOT, "VERIFIED: %s, a %s: %d statements, %d tables, %,d rows, complete%n", r.file(),
                what, r.statements(), r.rows().size(), r.totalRows()));
        r.manifest().ifPresent(m -> out.append("  manifest  matches: size, sha256 ").append(m.file().sha256())
                .append(", rows per table\n"));
        r.restoreTest().ifPresent(t -> out.append(restored(t)));
        if (r.recordedRestoreTest()) {
            out.append("  recorded  as restore-tested in dbcreator_backup\n");
        }
        r.notes().forEach(n -> out.append("  note      ").append(Printable.line(n)).append('\n'));
        return out.toString();
    }

    private static String restored(RestoreResult t) {
        return String.format(Locale.ROOT, "  restored  into a scratch database in %.1f s and dropped; %s%n",
                t.duration().toMillis() / 1000.0, t.checksumsCompared()
                        ? "every table's rows and content checksum match the manifest"
                        : "row counts match the dump (content checksums unknown without a manifest)");
    }

    static String restore(RestoreResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "RESTORED: %s into %s (%d tables, %,d rows, %d statements) in %.1f s%n",
                r.file(), r.database(), r.tables(), r.rows(), r.statements(), r.duration().toMillis() / 1000.0));
        out.append("  compared  ").append(r.checksumsCompared() ? "every table's rows and content checksum match the manifest"
                : "row counts match the dump; content checksums unknown (no manifest)").append('\n');
        r.notes().forEach(n -> out.append("  note      ").append(Printable.line(n)).append('\n'));
        return out.toString();
    }
}
