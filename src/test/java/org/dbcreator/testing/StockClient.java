package org.dbcreator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.embedded.ServerBinaries;
import org.dbcreator.embedded.UserFolders;

/**
 * The stock {@code mariadb} and {@code mariadb-dump} 11.4 that ship inside the embedded server's
 * jar, so that tests need nothing installed: what an operator without DatabaseCreator would use.
 * The password goes through the environment, never the command line.
 */
public final class StockClient {

    private final ServerBinaries binaries = ServerBinaries.unpackedInto(UserFolders.fromEnvironment().cache());
    private final ConnectionSettings admin;

    public StockClient(ConnectionSettings admin) {
        this.admin = admin;
    }

    /** Feeds SQL to {@code mariadb DATABASE} on standard input, as {@code gunzip -c FILE | mariadb DATABASE} does. */
    public void run(InputStream sql, String database) throws IOException, InterruptedException {
        Process p = start(binaries.client(), List.of(database));
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try (OutputStream in = p.getOutputStream()) {
            sql.transferTo(in);
        }
        finish(p, "mariadb", errors, output);
    }

    /** {@code mariadb-dump --single-transaction DATABASE > file}, plus any further options. */
    public void dump(String database, Path file, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--single-transaction", "--routines", "--events", "--triggers"));
        args.addAll(List.of(options));
        args.add(database);
        ProcessBuilder builder = builder(binaries.dump(), args).redirectOutput(file.toFile());
        Process p = builder.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        finish(p, "mariadb-dump", errors, CompletableFuture.completedFuture(new byte[0]));
    }

    private Process start(Path binary, List<String> args) throws IOException {
        return builder(binary, args).start();
    }

    private ProcessBuilder builder(Path binary, List<String> args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--no-defaults", "--protocol=TCP",
                "--host=" + admin.host(), "--port=" + admin.port(), "--user=" + admin.user(), "--skip-ssl"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MYSQL_PWD", admin.password().reveal());
        builder.environment().put("LD_LIBRARY_PATH", binaries.libraries().toString());
        return builder;
    }

    private static void finish(Process p, String name, CompletableFuture<byte[]> errors, CompletableFuture<byte[]> output)
            throws InterruptedException, IOException {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(name + " did not finish within 5 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IOException(name + " failed with exit code " + p.exitValue() + ": "
                    + new String(errors.join(), StandardCharsets.UTF_8) + new String(output.join(), StandardCharsets.UTF_8));
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return e.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
