package org.dbcreator.history;

import java.util.List;

/**
 * The tables DatabaseCreator keeps in the product database. Their names start with
 * {@code dbcreator_} so that "the product's schema" is everything else.
 */
final class ToolTables {

    static final String STATE = "dbcreator_state";
    static final String HISTORY = "dbcreator_history";
    static final String JOURNAL = "dbcreator_journal";
    static final String LOCK = "dbcreator_lock";
    static final String AUDIT = "dbcreator_audit";
    static final String BACKUP = "dbcreator_backup";
    static final String FAILURE = "dbcreator_failure";

    static final List<String> NAMES = List.of(STATE, HISTORY, JOURNAL, LOCK, AUDIT, BACKUP, FAILURE);

    /**
     * Product nodes read their compatible range with exactly this query; its columns are a contract
     * and never change meaning.
     */
    static final String NODE_CONTRACT_QUERY =
            "SELECT schema_version, phase, lowest_release, highest_release FROM dbcreator_state WHERE id = 1";

    static final List<String> CREATE = List.of("""
            CREATE TABLE IF NOT EXISTS dbcreator_state (
              id TINYINT NOT NULL PRIMARY KEY COMMENT 'always 1: one row',
              product VARCHAR(64) NOT NULL,
              schema_version VARCHAR(32) NULL COMMENT 'release the schema is fully at; NULL during the first deploy',
              target_version VARCHAR(32) NOT NULL,
              phase VARCHAR(16) NOT NULL COMMENT 'DEPLOYING, CLEAN, EXPANDING, EXPANDED, CLEANING, ROLLING_BACK',
              lowest_release VARCHAR(32) NULL COMMENT 'oldest node release that may run now',
              highest_release VARCHAR(32) NULL COMMENT 'newest node release that may run now',
              run_id CHAR(36) NULL COMMENT 'the unfinished run, resumed by the next command',
              run_options VARCHAR(255) NULL COMMENT 'what the unfinished run was asked for, e.g. its sample size',
              updated_at DATETIME(3) NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='DatabaseCreator: version state read by product nodes'""", """
            CREATE TABLE IF NOT EXISTS dbcreator_history (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              run_id CHAR(36) NOT NULL,
              operation VARCHAR(16) NOT NULL,
              version VARCHAR(32) NOT NULL,
              kind VARCHAR(16) NOT NULL,
              script VARCHAR(255) NOT NULL,
              checksum CHAR(64) NULL,
              statements INT NOT NULL,
              installed_by VARCHAR(255) NOT NULL,
              started_at DATETIME(3) NOT NULL,
              finished_at DATETIME(3) NOT NULL,
              UNIQUE KEY uk_dbcreator_history_script (script, kind)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='DatabaseCreator: scripts applied in full'""", """
            CREATE TABLE IF NOT EXISTS dbcreator_journal (
              run_id CHAR(36) NOT NULL,
              script VARCHAR(255) NOT NULL,
              statement_index INT NOT NULL,
              statement_line INT NOT NULL,
              statement_checksum CHAR(64) NOT NULL,
              outcome VARCHAR(16) NOT NULL COMMENT 'STARTED, DONE, JUDGED_DONE, FAILED',
              connection_id BIGINT NOT NULL,
              started_at DATETIME(3) NOT NULL,
              finished_at DATETIME(3) NULL,
              error VARCHAR(2000) NULL,
              PRIMARY KEY (run_id, script, statement_index)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='DatabaseCreator: start and end of every statement'""", """
            CREATE TABLE IF NOT EXISTS dbcreator_lock (
              id TINYINT NOT NULL PRIMARY KEY COMMENT 'always 1',
              connection_id BIGINT NOT NULL COMMENT 'the holder while IS_USED_LOCK returns this id',
              holder VARCHAR(255) NOT NULL,
              operation VARCHAR(32) NOT NULL,
              since DATETIME(3) NOT NULL,
              heartbeat DATETIME(3) NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='DatabaseCreator: who holds the operator lock'""", """
            CREATE TABLE IF NOT EXISTS dbcreator_audit (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              at DATETIME(3) NOT NULL,
              operator VARCHAR(255) NOT NULL,
              action VARCHAR(32) NOT NULL COMMENT 'e.g. EXCLUDE_NODE',
              detail VARCHAR(1024) NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='DatabaseCreator: decisions operators took, and who took them'""", """
            CREATE TABLE IF NOT EXISTS dbcreator_backup (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              kind VARCHAR(16) NOT NULL COMMENT 'BACKUP, or SKIPPED when an operator upgraded without one',
              schema_version VARCHAR(32) NULL COMMENT 'the release the schema was at',
              file VARCHAR(1024) NULL COMMENT 'where the backup was written',
              file_sha256 CHAR(64) NULL,
              file_bytes BIGINT NULL,
              verification VARCHAR(16) NULL COMMENT 'FILE: read back and checked; RESTORE_TEST: also restored and compared',
              recorded_by VARCHAR(255) NOT NULL,
              started_at DATETIME(3) NULL,
              finished_at DATETIME(3) NOT NULL COMMENT 'server time the backup was complete, or the skip was recorded',
              KEY ix_dbcreator_backup_version (schema_version, finished_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='DatabaseCreator: backups taken and skipped'""", """
            CREATE TABLE IF NOT EXISTS dbcreator_failure (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              run_id CHAR(36) NOT NULL,
              script VARCHAR(255) NOT NULL,
              statement_index INT NOT NULL,
              statement_line INT NOT NULL,
              failed_at DATETIME(3) NOT NULL,
              error_code INT NOT NULL COMMENT 'the server error number, e.g. 1050',
              sql_state CHAR(5) NULL,
              message VARCHAR(2000) NOT NULL,
              KEY ix_dbcreator_failure_run (run_id, script, statement_index)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='DatabaseCreator: every statement the server refused, each attempt'""");

    private ToolTables() {}
}
