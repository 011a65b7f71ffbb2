package org.grassroots.elections.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.elections.domain.Election;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class ElectionResourceTest {

    @Test
    void thePublicPagesThroughElectionsMostRecentFirstWithoutAToken() {
        QuarkusTransaction.requiringNew().run(() -> {
            // Far in the future, so no other test's elections come first.
            election("local.suffolk.2990-05-05", "Suffolk local elections", LocalDate.of(2990, 5, 5));
            election("local.bury-st-edmunds.2990-05-05", "Bury St Edmunds Town Council", LocalDate.of(2990, 5, 5));
            election("parl.2994-07-04", "UK Parliamentary general election", LocalDate.of(2994, 7, 4));
        });
        String cursor = given().queryParam("limit", 2).get("/elections")
                .then().statusCode(200)
                .body("items.electionId", contains("parl.2994-07-04", "local.bury-st-edmunds.2990-05-05"))
                .extract().path("nextCursor");
        given().queryParam("limit", 1).queryParam("cursor", cursor).get("/elections")
                .then().statusCode(200)
                .body("items.electionId", contains("local.suffolk.2990-05-05"));
    }

    @Test
    void aBadLimitOrCursorIsA400ProblemNamingTheParameter() {
        given().queryParam("limit", 500).get("/elections")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bm9wZQ").get("/elections")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    private static void election(String id, String name, LocalDate pollDate) {
        Election e = new Election();
        e.electionId = id;
        e.name = name;
        e.pollDate = pollDate;
        e.persist();
    }
}
