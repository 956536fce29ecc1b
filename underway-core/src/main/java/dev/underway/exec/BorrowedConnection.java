package dev.underway.exec;

import dev.underway.dialect.Schemas;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection borrowed from the caller's pool, handed back as it was lent: closing it first sets back what
 * Underway changed in the session (the search_path or default database, see {@link Schemas#saveSession}), so
 * the application's next borrower does not resolve its unqualified names in the migrated schema. Everything else
 * goes to the pool's connection unchanged (unwrapping to the driver's types included).
 */
final class BorrowedConnection {
    private BorrowedConnection() {
    }

    static Connection restoringOnClose(Connection pooled, Schemas schemas) throws SQLException {
        String saved = schemas.saveSession(pooled);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        close(pooled, schemas, saved);
                        return null;
                    }
                    if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void close(Connection pooled, Schemas schemas, String saved) throws SQLException {
        try {
            if (!pooled.isClosed()) {
                // An open transaction would take the restored setting with it when the pool rolls it back.
                if (!pooled.getAutoCommit()) {
                    pooled.rollback();
                    pooled.setAutoCommit(true);
                }
                schemas.restoreSession(pooled, saved);
            }
        } catch (SQLException e) {
            // A broken connection: the pool validates and discards it; nothing of the session outlives it.
        } finally {
            pooled.close();
        }
    }
}
