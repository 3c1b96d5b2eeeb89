package org.dbcreator.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The product's schema history: a validated manifest plus the scripts it names. Loading checks
 * that every script exists and works in the product's database only ({@link DatabaseScope}), so
 * a missing file or a {@code USE other} is found before anything runs.
 */
public final class Catalog {

    static final String MANIFEST = "manifest.yaml";

    private final Manifest manifest;
    private final ScriptSource source;
    private final CatalogScope scope;

    private Catalog(Manifest manifest, ScriptSource source) {
        this.manifest = manifest;
        this.source = source;
        // reading every script fails now, not halfway through a deploy, when a file is missing
        this.scope = CatalogScope.of(allScripts(), database());
    }

    /** The catalog shipped inside the jar (the project's {@code sql/} folder). */
    public static Catalog bundled() {
        return load(new ClasspathScriptSource("catalog"));
    }

    /** A catalog in a folder on disk, as given with {@code --catalog DIR}. */
    public static Catalog fromDirectory(Path directory) {
        return load(new DirectoryScriptSource(directory));
    }

    /**
     * A catalog on disk read for the lint: scripts that leave the product's database or take over
     * its transactions are not refused here, so that the lint can report them among its other findings.
     */
    public static Catalog fromDirectoryForLint(Path directory) {
        return read(new DirectoryScriptSource(directory));
    }

    static Catalog load(ScriptSource source) {
        Catalog catalog = read(source);
        catalog.scope.requireInDatabase(catalog.database());
        TransactionControl.refuse(catalog.scope.transactionControl());
        return catalog;
    }

    private static Catalog read(ScriptSource source) {
        String text = source.read(MANIFEST).orElseThrow(() -> new DbCreatorException(ErrorCode.MANIFEST_INVALID,
                "There is no " + MANIFEST + " at " + source.locate(MANIFEST) + "."));
        return new Catalog(ManifestReader.read(text, source.locate(MANIFEST)), source);
    }

    public Manifest manifest() {
        return manifest;
    }

    public String product() {
        return manifest.product();
    }

    /** The product's own database name: the manifest's {@code database:}, else the product name. */
    public String database() {
        return manifest.defaultDatabase();
    }

    /**
     * The first place ({@code file:line}) where a script qualifies a name with the product's own
     * database name ({@code cloud.host}): such scripts run right only in a database of that name.
     */
    public Optional<String> ownDatabaseNamedAt() {
        return scope.ownNameAt();
    }

    public Version baselineVersion() {
        return manifest.baseline().version();
    }

    public Version latestVersion() {
        List<Step> steps = manifest.steps();
        return steps.isEmpty() ? baselineVersion() : steps.get(steps.size() - 1).to();
    }

    /** Every release the catalog can deploy, oldest first. */
    public List<Version> versions() {
        List<Version> versions = new ArrayList<>();
        versions.add(baselineVersion());
        manifest.steps().forEach(step -> versions.add(step.to()));
        return versions;
    }

    public boolean knows(Version version) {
        return versions().contains(version);
    }

    /** Throws UNKNOWN_VERSION unless the catalog has this release. */
    public Version requireKnown(Version version) {
        if (!knows(version)) {
            throw new DbCreatorException(ErrorCode.UNKNOWN_VERSION,
                    "Version " + version + " is not in the catalog, which has " + versions() + ".");
        }
        return version;
    }

    /** The steps that lead from {@code from} to {@code to}, in order; empty when they are equal. */
    public List<Step> stepsBetween(Version from, Version to) {
        requireKnown(from);
        requireKnown(to);
        return manifest.steps().stream()
                .filter(step -> !step.from().isOlderThan(from) && !step.to().isNewerThan(to))
                .toList();
    }

    public Script baselineScript() {
        return script(manifest.baseline().schemaPath(), ScriptKind.BASELINE, baselineVersion());
    }

    public Script expandScript(Step step) {
        return script(step.expandPath(), ScriptKind.EXPAND, step.to());
    }

    public Script cleanupScript(Step step) {
        return script(step.cleanupPath(), ScriptKind.CLEANUP, step.to());
    }

    public Optional<Script> rollbackScript(Step step) {
        return step.rollbackPath().map(path -> script(path, ScriptKind.ROLLBACK, step.to()));
    }

    /** Every script the manifest names, each read once; used to check checksums and presence. */
    public List<Script> allScripts() {
        List<Script> scripts = new ArrayList<>();
        scripts.add(baselineScript());
        for (Step step : manifest.steps()) {
            scripts.add(expandScript(step));
            scripts.add(cleanupScript(step));
            rollbackScript(step).ifPresent(scripts::add);
        }
        return scripts;
    }

    private Script script(String path, ScriptKind kind, Version version) {
        String content = source.read(path).orElseThrow(() -> new DbCreatorException(ErrorCode.SCRIPT_MISSING,
                "The " + kind.name().toLowerCase() + " script of " + version + " is missing: "
                        + source.locate(path) + "."));
        return new Script(path, source.locate(path), kind, version, content, database());
    }
}
