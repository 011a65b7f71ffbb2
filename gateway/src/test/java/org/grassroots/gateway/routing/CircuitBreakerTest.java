package org.grassroots.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(CircuitBreakerTest.QuickBreaker.class)
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(FlakyService.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class CircuitBreakerTest {

    /** Two failures open a breaker for one second; services get one second to answer (StubServices). */
    public static class QuickBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("grassroots.gateway.circuit-breaker.failure-threshold", "2",
                    "grassroots.gateway.circuit-breaker.open-duration", "PT1S");
        }
    }

    @Test
    void aStoppedServiceIsA503WithinTwoSecondsOthersKeepAnsweringAndItIsUsedAgainOnceItIsBack() throws Exception {
        given().get("/flaky/x").then().statusCode(200).body("service", equalTo("flaky"));
        FlakyService.down();
        try {
            for (int i = 0; i < 4; i++) { // unreachable twice, then refused by the open breaker
                Instant start = Instant.now();
                given().get("/flaky/x").then().statusCode(503).contentType("application/problem+json")
                        .body("type", equalTo("https://grassroots.dev/problems/upstream-unavailable"));
                assertTrue(Duration.between(start, Instant.now()).toMillis() < 2000);
                given().get("/members/1").then().statusCode(200).body("service", equalTo("members"));
            }
            given().get("/flaky/x").then().statusCode(503).body("detail", containsString("not sending it requests"));
        } finally {
            FlakyService.up();
        }
        assertEquals(200, awaitStatus("/flaky/x", 200, Duration.ofSeconds(5)), "used again without a restart");
        given().get("/flaky/y").then().statusCode(200);
    }

    @Test
    void aServiceThatHangsIsCutOffByItsBreakerWhileTheOthersAnswerAtOnce() {
        // Four requests hang on the blocked service in parallel (the JDK client: RestAssured's first use is not
        // thread-safe); meanwhile the others answer.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // RestAssured's first use in a JVM can take seconds on a busy machine: not inside the breaker's one-second
        // window below.
        given().get("/events").then().statusCode(200);
        List<CompletableFuture<Integer>> hanging = IntStream.range(0, 4).mapToObj(i -> http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/slow/" + i)).build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)).toList();
        for (int i = 0; i < 5; i++) {
            given().get("/events").then().statusCode(200);
        }
        hanging.forEach(CompletableFuture::join);
        assertTrue(hanging.stream().allMatch(f -> f.join() == 504 || f.join() == 503), "timed out or cut off");

        Instant start = Instant.now();
        given().get("/slow/after").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1");
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 500, "refused at once while open");
        given().get("/elections").then().statusCode(200);
    }

    private static int awaitStatus(String path, int wanted, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        int status;
        do {
            status = given().get(path).then().extract().statusCode();
            if (status == wanted) {
                return status;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return status;
    }
}
