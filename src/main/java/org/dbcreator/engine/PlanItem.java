package org.dbcreator.engine;

import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;

/** One thing a run applies, in order: a script, or a data migration between expand and cleanup. */
public sealed interface PlanItem {

    /** The history key: a script's catalog path, or a migration's class name. */
    String name();

    /** A Java step's own words for it (what the wizard shows instead of the class name); empty for a script. */
    String description();

    ScriptKind kind();

    Version version();

    record ScriptItem(Script script) implements PlanItem {
        @Override
        public String name() {
            return script.path();
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public ScriptKind kind() {
            return script.kind();
        }

        @Override
        public Version version() {
            return script.version();
        }
    }

    /** Java code the manifest names, loaded: a data migration or the sample-data generator. */
    record JavaItem(BatchedWork work, ScriptKind kind, Version version) implements PlanItem {
        @Override
        public String name() {
            return work.name();
        }

        @Override
        public String description() {
            return work.description();
        }
    }
}
