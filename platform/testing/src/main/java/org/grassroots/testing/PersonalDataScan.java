package org.grassroots.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches every text-like column of every table of a database for pieces of personal data: the check that an
 * erasure left no copy behind, whatever table a later change adds.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** @return {@code table.column} for every column holding any of {@code needles} (case-insensitive) */
    public static List<String> find(Connection connection, List<String> needles) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'public'
                  and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
                  and table_name <> 'flyway_schema_history'""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        List<String> hits = new ArrayList<>();
        for (String[] column : columns) {
            for (String needle : needles) {
                String sql = "select count(*) from \"%s\" where \"%s\"::text ilike ?".formatted(column[0], column[1]);
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    ps.setString(1, "%" + needle.replace("%", "\\%").replace("_", "\\_") + "%");
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
