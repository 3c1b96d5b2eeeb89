package org.dbcreator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Script;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.AppliedScript;

/** Finds applied scripts whose file was edited afterwards. */
final class ChecksumCheck {

    private ChecksumCheck() {}

    /** One sentence per edited script; empty when every applied script is unchanged. */
    static List<String> findings(Catalog catalog, List<AppliedScript> applied) {
        Map<String, Script> scripts = catalog.allScripts().stream()
                .collect(Collectors.toMap(Script::path, Function.identity(), (a, b) -> a));
        List<String> findings = new ArrayList<>();
        for (AppliedScript done : applied) {
            Script script = scripts.get(done.script());
            if (script != null && done.checksum() != null && !done.checksum().equals(script.checksum())) {
                findings.add(script.location() + " was changed after it was applied on "
                        + done.finishedAt() + " (checksum " + shortSum(done.checksum()) + " then, "
                        + shortSum(script.checksum()) + " now).");
            }
        }
        return findings;
    }

    static void verify(Catalog catalog, List<AppliedScript> applied) {
        List<String> findings = findings(catalog, applied);
        if (!findings.isEmpty()) {
            throw new DbCreatorException(ErrorCode.CHECKSUM_MISMATCH, String.join(" ", findings));
        }
    }

    private static String shortSum(String checksum) {
        return checksum.substring(0, Math.min(12, checksum.length()));
    }
}
