package org.grassroots.gateway.apikeys;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The api_key table, in plain JDBC: four statements do not need an ORM in the gateway. */
@ApplicationScoped
public class ApiKeyStore {

    private static final String COLUMNS = "id, name, prefix, scopes, created_at, created_by, revoked_at, expires_at, last_used_at";

    @Inject
    AgroalDataSource dataSource;

    public void insert(ApiKey key, byte[] secretHash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into api_key (id, name, secret_hash, prefix, scopes, "
                     + "created_at, created_by, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, key.id());
            ps.setString(2, key.name());
            ps.setBytes(3, secretHash);
            ps.setString(4, key.prefix());
            ps.setArray(5, c.createArrayOf("text", key.scopes().stream().map(Scope::toString).toArray()));
            ps.setObject(6, key.createdAt());
            ps.setString(7, key.createdBy());
            ps.setObject(8, key.expiresAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store an API key", e);
        }
    }

    public List<ApiKey> all() {
        return query("select " + COLUMNS + " from api_key order by created_at, id", ps -> { });
    }

    public Optional<ApiKey> find(UUID id) {
        return query("select " + COLUMNS + " from api_key where id = ?", ps -> ps.setObject(1, id)).stream().findFirst();
    }

    /** The key with this secret hash, unless it is revoked or expired at {@code now}. */
    public Optional<ApiKey> findActive(byte[] secretHash, OffsetDateTime now) {
        return query("select " + COLUMNS + " from api_key where secret_hash = ? and revoked_at is null "
                + "and (expires_at is null or expires_at > ?)", ps -> {
                    ps.setBytes(1, secretHash);
                    ps.setObject(2, now);
                }).stream().findFirst();
    }

    /** Records that the key was used at {@code at} (never moving it back). */
    public void touch(UUID id, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update api_key set last_used_at = greatest(last_used_at, ?) "
                     + "where id = ?")) {
            ps.setObject(1, at);
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record an API key's use", e);
        }
    }

    /** @return whether the key exists (revoking a revoked key keeps its first revocation) */
    public boolean revoke(UUID id, String by, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update api_key set revoked_at = coalesce(revoked_at, ?), "
                     + "revoked_by = coalesce(revoked_by, ?) where id = ?")) {
            ps.setObject(1, at);
            ps.setString(2, by);
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not revoke an API key", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<ApiKey> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<ApiKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(map(rs));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read API keys", e);
        }
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        Array scopes = rs.getArray("scopes");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                Arrays.stream((String[]) scopes.getArray()).map(s -> Scope.parse(s).orElseThrow()).toList(),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class));
    }
}
