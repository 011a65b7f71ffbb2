package org.grassroots.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** CORS as configured for the environment (here: origin https://app.grassroots.test, set by StubServices). */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class CorsTest {

    @Test
    void aPreflightFromTheConfiguredOriginIsAllowedWithTheApisHeaders() {
        given().header("Origin", "https://app.grassroots.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-api-key")
                .options("/members")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.grassroots.test")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("X-API-Key"));
    }

    @Test
    void aPublicRsvpsCancellationTokenMayBeSentFromTheBrowser() {
        given().header("Origin", "https://app.grassroots.test")
                .header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "cancellation-token")
                .options("/events/1/rsvps/2")
                .then().statusCode(200)
                .header("Access-Control-Allow-Headers", containsString("Cancellation-Token"));
    }

    @Test
    void aProxiedAnswerToTheConfiguredOriginExposesTheApisResponseHeaders() {
        given().header("Origin", "https://app.grassroots.test").get("/events")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.grassroots.test")
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Policy"));
    }

    @Test
    void anotherOriginGetsNoPermission() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/members/1")
                .then().statusCode(not(equalTo(200)))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
