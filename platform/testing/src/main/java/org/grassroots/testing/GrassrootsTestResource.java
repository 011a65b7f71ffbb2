package org.grassroots.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.grassroots.platform.infra.DevTokens;
import org.grassroots.platform.infra.PostgresEndpoint;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} its service's own PostgreSQL database and the JVM's Kafka broker, and makes the
 * service trust the development token issuer. Use it with {@code @QuarkusTestResource(value =
 * GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))}.
 */
public class GrassrootsTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        GrassrootsInfrastructure infrastructure = GrassrootsInfrastructure.get();
        PostgresEndpoint postgres = infrastructure.postgres();
        postgres.createDatabaseIfAbsent(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
        config.put("mp.jwt.verify.publickey", DevTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // Infrastructure lives as long as the JVM: other test classes reuse it.
    }
}
