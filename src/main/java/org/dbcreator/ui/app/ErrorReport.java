package org.dbcreator.ui.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.dbcreator.engine.NextAction;
import org.dbcreator.error.DbCreatorException;

/**
 * What the error banner shows: the stable code, what went wrong, what to do, the state the
 * database was last read in, and the details (the exception's trace) for a bug report.
 */
public record ErrorReport(String code, String message, String advice, Optional<String> databaseState, String details) {

    public static ErrorReport of(Throwable failure, Optional<String> databaseState) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        if (failure instanceof DbCreatorException known) {
            return new ErrorReport(known.code().name(), known.getMessage(), advice(known), databaseState,
                    trace.toString());
        }
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        return new ErrorReport("INTERNAL", message, Messages.get("error.internal.advice"), databaseState,
                trace.toString());
    }

    /** The failure's typed fix in the wizard's words (any one helps); the code's advice when it carries none. */
    static String advice(DbCreatorException known) {
        List<String> fix = known.fix().stream().filter(NextAction.class::isInstance)
                .map(a -> ActionWords.text((NextAction) a)).toList();
        return fix.isEmpty() ? known.code().advice() : String.join(" ", fix);
    }

    /** The banner's text as one block, for the Copy button and a support ticket. */
    public String asText() {
        return "error " + code + ": " + message + " " + advice
                + databaseState.map(s -> "\n" + Messages.get("error.state", s)).orElse("") + "\n\n" + details;
    }
}
