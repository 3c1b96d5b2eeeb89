package org.dbcreator.launch;

import java.util.Map;
import java.util.Optional;

/**
 * What the operator asked the window to open on.
 *
 * @param demo start the embedded demo database and open on its status
 * @param profile a connection profile (a name or a file) to fill the Connect page with
 * @param env the environment the command was started with: the user's folders and profiles
 */
public record WizardRequest(boolean demo, Optional<String> profile, Map<String, String> env) {

    public WizardRequest {
        env = Map.copyOf(env);
    }
}
