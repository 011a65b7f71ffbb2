package org.grassroots.kit.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A bulk insert of rows that are almost always new (a burst's inbox entries, the projection rows of members who
 * just joined), with a fallback for when some are not.
 *
 * <p>Why: PostgreSQL's {@code on conflict} (speculative insertion: a probe of the unique index, the insert, then a
 * confirmation) cost about twice a plain insert per row, measured on the consumers' inbox. So the plain insert runs
 * first, under a savepoint; if it meets a row that exists (a unique violation), only it is undone and the careful
 * statement ({@code on conflict ...}) runs instead, in the same transaction.
 */
public final class NewRows {

    private static final String UNIQUE_VIOLATION = "23505";

    /** One statement on the caller's connection. */
    public interface Insert<T> {
        T run() throws SQLException;
    }

    private NewRows() {
    }

    /**
     * {@link #insert} for the usual shape: {@code insert ... select ... from unnest(?::text[], ...)}, one text array
     * per column, and as the careful statement the same with {@code onConflict} appended.
     *
     * @param likelyNew false when the caller knows some rows exist (a run with status changes): then the careful
     *                  statement runs at once, rather than after a failed insert (and an error in the server's log)
     * @return the rows inserted or updated
     */
    public static int insertColumns(Connection connection, boolean likelyNew, String insert, String onConflict,
                                    String[]... columns) throws SQLException {
        Insert<Integer> careful = () -> write(connection, insert + "\n" + onConflict, columns);
        return likelyNew ? insert(connection, () -> write(connection, insert, columns), careful) : careful.run();
    }

    private static int write(Connection connection, String sql, String[]... columns) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            return statement.executeUpdate();
        }
    }

    /**
     * @param connection the transaction's connection
     * @param plain      the insert that assumes every row is new
     * @param careful    the same rows with {@code on conflict} handling, run if {@code plain} met an existing row
     */
    public static <T> T insert(Connection connection, Insert<T> plain, Insert<T> careful) throws SQLException {
        // Savepoints as SQL: the pool refuses Connection.rollback(Savepoint) inside a JTA transaction.
        try (Statement savepoint = connection.createStatement()) {
            savepoint.execute("savepoint new_rows");
            T result;
            try {
                result = plain.run();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                savepoint.execute("rollback to savepoint new_rows");
                result = careful.run();
            }
            savepoint.execute("release savepoint new_rows");
            return result;
        }
    }
}
