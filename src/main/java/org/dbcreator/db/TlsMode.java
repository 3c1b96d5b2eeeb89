package org.dbcreator.db;

/** How the connection uses TLS; the names follow the MySQL client's {@code --ssl-mode}. */
public enum TlsMode {
    DISABLED("DISABLED"),
    PREFERRED("PREFERRED"),
    REQUIRED("REQUIRED"),
    VERIFY_CA("VERIFY_CA"),
    VERIFY_IDENTITY("VERIFY_IDENTITY");

    private final String driverValue;

    TlsMode(String driverValue) {
        this.driverValue = driverValue;
    }

    /** The value of mysql-connector-j's {@code sslMode} property. */
    String driverValue() {
        return driverValue;
    }

    boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }
}
