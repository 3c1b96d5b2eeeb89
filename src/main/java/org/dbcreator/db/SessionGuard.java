package org.dbcreator.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a pooled connection out so that it goes back as it came out. A pool keeps whatever a
 * borrower left in the session: a script's {@code SET foreign_key_checks = 0}, the engine's short
 * {@code lock_wait_timeout}, a {@code USE}. So every {@code SET} of a session variable is preceded
 * by reading the variable's value, and closing sets every variable so read back (also after a
 * failed statement: the close runs in the caller's finally). What cannot be put back with a SET
 * (a user variable, {@code SET NAMES}, {@code SET TRANSACTION}, another default database than the
 * borrower asked for) retires the connection from the pool instead: the next borrower gets a fresh one.
 * Costs nothing for a borrower that sets nothing.
 */
final class SessionGuard implements InvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);
    /** {@code SET} as the first word, after spaces and comments. */
    private static final Pattern SET = Pattern.compile("^(?:\\s|/\\*.*?\\*/|--[^\\n]*\\n|#[^\\n]*\\n)*SET\\s",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern USE = Pattern.compile("^(?:\\s|/\\*.*?\\*/|--[^\\n]*\\n|#[^\\n]*\\n)*USE\\s",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** One assignment of a session variable: optional scope, the name, then = or :=. */
    private static final Pattern SESSION_ASSIGNMENT = Pattern.compile(
            "^(?:SESSION\\s+|LOCAL\\s+|@@SESSION\\.|@@LOCAL\\.|@@)?`?([A-Za-z_][A-Za-z0-9_]*)`?\\s*:?=", Pattern.CASE_INSENSITIVE);
    private static final Pattern GLOBAL_ASSIGNMENT = Pattern.compile("^(?:GLOBAL\\s+|@@GLOBAL\\.|PERSIST\\s+|PERSIST_ONLY\\s+)",
            Pattern.CASE_INSENSITIVE);
    /** SET forms that change something a SET of a variable cannot put back. */
    private static final Set<String> NOT_RESTORABLE = Set.of("NAMES", "CHARACTER", "CHARSET", "TRANSACTION", "PASSWORD",
            "ROLE", "DEFAULT");

    private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

    private final Connection connection;
    private final Optional<String> askedDatabase;
    private final Consumer<Connection> retire;
    /** Variable name to its value before this borrower first set it, in the order they were set. */
    private final Map<String, Object> saved = new LinkedHashMap<>();
    private boolean mustRetire;
    private boolean closed;

    private SessionGuard(Connection connection, Optional<String> askedDatabase, Consumer<Connection> retire) {
        this.connection = connection;
        this.askedDatabase = askedDatabase;
        this.retire = retire;
    }

    /**
     * @param askedDatabase the default database the borrower asked for (none for a server connection)
     * @param retire takes the connection out of its pool, for a session that cannot be put back
     */
    static Connection guard(Connection pooled, Optional<String> askedDatabase, Consumer<Connection> retire) {
        return (Connection) Proxy.newProxyInstance(SessionGuard.class.getClassLoader(), new Class<?>[] {Connection.class},
                new SessionGuard(pooled, askedDatabase, retire));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close" -> {
                close();
                return null;
            }
            case "isClosed" -> {
                return closed || connection.isClosed();
            }
            case "setCatalog" -> {
                if (!askedDatabase.equals(Optional.ofNullable((String) args[0]))) {
                    mustRetire = true;
                }
            }
            case "prepareStatement", "prepareCall" -> beforeRunning((String) args[0]);
            default -> { }
        }
        Object result = call(connection, method, args);
        if (result instanceof Statement statement && !(result instanceof PreparedStatement)
                && !(result instanceof CallableStatement)) {
            return guardStatement(statement);
        }
        return result;
    }

    private Statement guardStatement(Statement statement) {
        return (Statement) Proxy.newProxyInstance(SessionGuard.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String sql
                            && (method.getName().startsWith("execute") || method.getName().equals("addBatch"))) {
                        beforeRunning(sql);
                    }
                    if (method.getName().equals("getConnection")) {
                        return connection; // as drivers do for a statement of a pooled connection: the one it runs on
                    }
                    return call(statement, method, args);
                });
    }

    /** Reads what a SET is about to change, before it does. */
    private void beforeRunning(String sql) throws SQLException {
        if (USE.matcher(sql).find()) {
            mustRetire = true;
            return;
        }
        if (!SET.matcher(sql).find() || mustRetire) {
            return;
        }
        String assignments = sql.substring(SET.matcher(sql).results().findFirst().orElseThrow().end()).strip();
        String firstWord = assignments.split("[\\s=]", 2)[0].toUpperCase(Locale.ROOT);
        if (firstWord.equals("STATEMENT")) {
            return; // SET STATEMENT ... FOR: for that one statement only
        }
        if (NOT_RESTORABLE.contains(firstWord)) {
            mustRetire = true;
            return;
        }
        for (String assignment : topLevelItems(assignments)) {
            if (GLOBAL_ASSIGNMENT.matcher(assignment).find()) {
                continue; // the server's, not the session's: nothing of this connection to put back
            }
            Matcher m = SESSION_ASSIGNMENT.matcher(assignment);
            if (!m.find() || assignment.startsWith("@") && !assignment.startsWith("@@")) {
                mustRetire = true; // a user variable, or a form this guard does not read
                return;
            }
            save(m.group(1).toLowerCase(Locale.ROOT));
        }
    }

    private void save(String variable) throws SQLException {
        if (saved.containsKey(variable)) {
            return;
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION." + variable)) {
            rs.next();
            saved.put(variable, rs.getObject(1));
        } catch (SQLException e) {
            if (e.getErrorCode() != UNKNOWN_SYSTEM_VARIABLE) {
                throw e; // e.g. a killed connection: the caller learns it from its own statement's attempt
            }
            mustRetire = true; // not a session variable after all; the SET will say so itself
        }
    }

    private void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!mustRetire && !saved.isEmpty() && !connection.isClosed()) {
                restore();
            }
        } catch (SQLException e) {
            LOG.debug("cannot put the session back; the connection leaves the pool", e);
            mustRetire = true;
        }
        if (mustRetire) {
            retire.accept(connection);
        } else {
            connection.close();
        }
    }

    /** sql_mode first and alone: the values after it are read under the mode it puts back. */
    private void restore() throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (saved.containsKey("sql_mode")) {
                s.execute("SET SESSION sql_mode = " + literal(saved.get("sql_mode")));
            }
            List<String> others = new ArrayList<>();
            saved.forEach((name, value) -> {
                if (!name.equals("sql_mode")) {
                    others.add(name + " = " + literal(value));
                }
            });
            if (!others.isEmpty()) {
                s.execute("SET SESSION " + String.join(", ", others));
            }
        }
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return Identifiers.literal(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return Identifiers.literal(value.toString());
    }

    /** Splits a SET's assignments at commas outside quotes and parentheses. */
    static List<String> topLevelItems(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(text.substring(start).strip());
        return items;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
