package org.dbcreator.launch;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The desktop front end as the command line sees it: found through {@link ServiceLoader}, so that
 * the command line starts the wizard without knowing JavaFX, and a build without the wizard (or a
 * machine without JavaFX's native parts) still runs every other command.
 */
public interface Wizard {

    /**
     * Opens the window and blocks until the operator closes it.
     *
     * @return the exit code: 0 when the window was closed normally
     * @throws Unavailable when the window cannot open here (no display, no toolkit)
     */
    int open(WizardRequest request);

    /** The wizard on the classpath, if this build has one that loads. */
    static Optional<Wizard> installed() {
        try {
            return ServiceLoader.load(Wizard.class).findFirst();
        } catch (ServiceConfigurationError | LinkageError broken) {
            return Optional.empty();
        }
    }

    /** The window cannot open on this machine; the message says why in one sentence. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
