package org.dbcreator.backup;

/**
 * What a restore is asked to do.
 *
 * @param replace restore over a database that holds objects, dropping them first (they are named before)
 * @param connections how many connections run a DatabaseCreator dump's rows in parallel
 * @param checkCatalog refuse a backup of another product or of a schema newer than the catalog
 *     (false for a restore test into a scratch database)
 */
public record RestoreRequest(boolean replace, int connections, boolean checkCatalog) {

    public RestoreRequest {
        if (connections < 1 || connections > 16) {
            throw new IllegalArgumentException("connections must be between 1 and 16, not " + connections);
        }
    }

    public static RestoreRequest intoEmpty() {
        return new RestoreRequest(false, BackupRequest.defaultConnections(), true);
    }

    public RestoreRequest replacing() {
        return new RestoreRequest(true, connections, checkCatalog);
    }

    public RestoreRequest withConnections(int n) {
        return new RestoreRequest(replace, n, checkCatalog);
    }
}
