package org.grassroots.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches every text-like and binary column of every table of a database for pieces of personal data: the check
 * that an erasure left no copy behind, whatever table a later change adds. A binary column ({@code bytea}: the
 * outbox's packed events, an unfinished import's file) is searched for the text's ASCII form, ignoring case, and
 * for its exact UTF-8 bytes.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** @return {@code table.column} for every column holding any of {@code needles} (case-insensitive) */
    public static List<String> find(Connection connection, List<String> needles) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public'
                  and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'bytea')
                  and table_name <> 'flyway_schema_history'""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        List<String> hits = new ArrayList<>();
        for (String[] column : columns) {
            for (String needle : needles) {
                String sql = column[2].equals("bytea")
                        ? "select count(*) from \"%1$s\" where encode(\"%2$s\", 'escape') ilike ? "
                                + "or position(convert_to(?, 'UTF8') in \"%2$s\") > 0"
                        : "select count(*) from \"%1$s\" where \"%2$s\"::text ilike ?";
                try (PreparedStatement ps = connection.prepareStatement(sql.formatted(column[0], column[1]))) {
                    ps.setString(1, "%" + needle.replace("%", "\\%").replace("_", "\\_") + "%");
                    if (column[2].equals("bytea")) {
                        ps.setString(2, needle);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1] + " holds " + needle);
                        }
                    }
                }
            }
        }
        return hits;
    }
}
