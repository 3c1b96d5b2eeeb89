package org.dbcreator.backup;

import java.util.Locale;
import java.util.Set;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The server's own databases: a restore into one replaces the grant tables or the sys schema, and
 * a backup of one cannot be restored anywhere. Named in any case, since a server on a
 * case-insensitive file system takes {@code MySQL} for {@code mysql}.
 */
final class SystemDatabases {

    /** MariaDB's and MySQL's (ndbinfo: MySQL Cluster; the metadata of MySQL InnoDB Cluster). */
    private static final Set<String> NAMES = Set.of("mysql", "sys", "information_schema", "performance_schema", "ndbinfo",
            "mysql_innodb_cluster_metadata");

    private SystemDatabases() {}

    static boolean isSystem(String database) {
        return NAMES.contains(database.toLowerCase(Locale.ROOT));
    }

    /** @param role what the database would be, e.g. "restored into" */
    static void refuse(String database, String role) {
        if (isSystem(database)) {
            throw new DbCreatorException(ErrorCode.SYSTEM_DATABASE, "'" + database + "' is one of the server's own databases"
                    + " and is never " + role + ". Nothing was changed.");
        }
    }
}
