package org.grassroots.webhooks.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.grassroots.webhooks.support.WebhooksApi.create;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With {@code webhooks.allow-private-targets=false} (production's default), as the service answers over HTTP. */
@QuarkusTest
@TestProfile(PrivateTargetsRefusedTest.PrivateTargetsOff.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class PrivateTargetsRefusedTest {

    public static class PrivateTargetsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("webhooks.allow-private-targets", "false");
        }
    }

    @Test
    void aTargetOnALoopbackOrPrivateAddressIsA422AndNothingIsStored() throws Exception {
        long before = count();
        for (String url : new String[] {"http://127.0.0.1:8099/hooks", "http://localhost/hooks",
                "http://10.0.0.7/hooks", "http://169.254.169.254/latest/meta-data"}) {
            create("{\"url\":\"%s\",\"eventTypes\":[\"*\"]}".formatted(url)).statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem("url"));
        }
        assertEquals(before, count(), "no refused endpoint was stored");
    }

    @Inject
    DataSource database;

    private long count() throws Exception {
        try (var c = database.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select count(*) from webhook_endpoint")) {
            r.next();
            return r.getLong(1);
        }
    }
}
