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

    /** Every applied script that was edited afterwards; empty when none was. */
    static List<StatusFinding.ScriptChanged> changed(Catalog catalog, List<AppliedScript> applied) {
        Map<String, Script> scripts = catalog.allScripts().stream()
                .collect(Collectors.toMap(Script::path, Function.identity(), (a, b) -> a));
        List<StatusFinding.ScriptChanged> changed = new ArrayList<>();
        for (AppliedScript done : applied) {
            Script script = scripts.get(done.script());
            if (script != null && done.checksum() != null && !done.checksum().equals(script.checksum())) {
                changed.add(new StatusFinding.ScriptChanged(script.location(), done.finishedAt(), done.checksum(), script.checksum()));
            }
        }
        return changed;
    }

    static String describe(List<StatusFinding.ScriptChanged> changed) {
        return changed.stream().map(StatusFinding.ScriptChanged::text).collect(Collectors.joining(" "));
    }

    static void verify(Catalog catalog, List<AppliedScript> applied) {
        List<StatusFinding.ScriptChanged> changed = changed(catalog, applied);
        if (!changed.isEmpty()) {
            throw new DbCreatorException(ErrorCode.CHECKSUM_MISMATCH, describe(changed),
                    List.of(new NextAction.RestoreReleasedScripts(changed.stream().map(StatusFinding.ScriptChanged::location).toList())));
        }
    }
}
