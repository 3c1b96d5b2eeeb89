package org.dbcreator.cli;

import org.dbcreator.engine.UpgradeResult;

/** The one line that ends an upgrade or cleanup, for people and for grep. */
final class Results {

    private Results() {}

    static String line(UpgradeResult r) {
        return String.format("%s: %s %s %s -> %s (%d applied, %d already done) in %.1f s%n", r.outcome(), r.operation(),
                r.database(), r.from(), r.to(), r.applied(), r.skipped(), r.duration().toMillis() / 1000.0);
    }
}
