package org.dbcreator.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server the tool talks to: its flavour and version decide what is supported and how some
 * checks are made (MariaDB and MySQL expose locks and metadata differently).
 *
 * @param versionText what {@code SELECT VERSION()} returned, e.g. "11.4.5-MariaDB-log"
 */
public record ServerInfo(Flavour flavour, int major, int minor, int patch, String versionText) {

    public enum Flavour {
        MYSQL,
        MARIADB
    }

    private static final Pattern NUMBERS = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    public static ServerInfo parse(String versionText) {
        Matcher m = NUMBERS.matcher(versionText);
        if (!m.find()) {
            throw new IllegalArgumentException("unrecognised server version " + versionText);
        }
        Flavour flavour = versionText.toLowerCase().contains("mariadb") ? Flavour.MARIADB : Flavour.MYSQL;
        return new ServerInfo(flavour, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), versionText);
    }

    /** MySQL 8.0+ and MariaDB 10.6+: the oldest releases whose DDL behaviour the tool relies on. */
    public boolean isSupported() {
        return flavour == Flavour.MYSQL ? major >= 8 : (major > 10 || (major == 10 && minor >= 6));
    }

    public boolean isMariaDb() {
        return flavour == Flavour.MARIADB;
    }

    /** "MariaDB 11.4.5" or "MySQL 8.0.36". */
    public String describe() {
        return (flavour == Flavour.MARIADB ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }
}
