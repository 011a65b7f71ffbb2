package org.grassroots.elections.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.grassroots.elections.support.ElectionsApi.election;
import static org.grassroots.elections.support.ElectionsApi.group;
import static org.grassroots.elections.support.ElectionsApi.post;
import static org.grassroots.elections.support.ElectionsApi.slug;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class ElectionHierarchyTest {

    @Test
    void anOrganisationElectionIsRecordedUnderItsGroupAndNavigableBothWays() {
        String org = slug("suffolk");
        group("local.2022-05-05");
        post("/elections", "{\"electionId\":\"local.%s.2022-05-05\",\"name\":\"Suffolk County Council\"}".formatted(org))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("level", equalTo("organisation"))
                .body("electionType", equalTo("local"))
                .body("organisationSlug", equalTo(org))
                .body("pollDate", equalTo("2022-05-05"))
                .body("parentId", equalTo("local.2022-05-05"));

        given().get("/elections/local.%s.2022-05-05".formatted(org)).then().statusCode(200)
                .body("parentId", equalTo("local.2022-05-05"));
        given().queryParam("parent", "local.2022-05-05").queryParam("limit", 200).get("/elections").then()
                .statusCode(200).body("items.electionId", hasItem("local.%s.2022-05-05".formatted(org)));
        given().get("/elections/local.2022-05-05").then().statusCode(200)
                .body("level", equalTo("group")).body("parentId", nullValue());
    }

    @Test
    void anElectionWhoseParentIsMissingIsRefusedAndNotRecorded() {
        String org = slug("norfolk");
        post("/elections", "{\"electionId\":\"local.%s.2031-05-01\",\"name\":\"Norfolk\"}".formatted(org))
                .statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("The parent election local.2031-05-01 does not exist"));
        given().get("/elections/local.%s.2031-05-01".formatted(org)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRepeatedElectionIsAConflict() {
        String org = slug("essex");
        group("local.2022-05-05");
        election("local.%s.2022-05-05".formatted(org), "Essex");
        post("/elections", "{\"electionId\":\"local.%s.2022-05-05\",\"name\":\"Essex\"}".formatted(org))
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anUnknownTypeIsA400NamingTheTypeSegment() {
        post("/elections", "{\"electionId\":\"council.suffolk.2022-05-05\",\"name\":\"x\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("electionId"))
                .body("errors[0].message", startsWith("type 'council' is not a Democracy Club election type"));
    }

    @Test
    void anImpossibleDateIsA400NamingTheDateSegment() {
        post("/elections", "{\"electionId\":\"local.suffolk.2022-02-30\",\"name\":\"x\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("electionId"))
                .body("errors[0].message", equalTo("date '2022-02-30' is not a real date"));
    }

    @Test
    void segmentsOutOfOrderAreA400NamingTheMisplacedSegment() {
        post("/elections", "{\"electionId\":\"local.2022-05-05.suffolk\",\"name\":\"x\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", startsWith("date '2022-05-05' is out of order"));
        post("/elections", "{\"electionId\":\"local.suffolk.by.2022-05-05\",\"name\":\"x\"}")
                .statusCode(400).body("errors[0].message", startsWith("segment 'by' marks a by-election ballot"));
        given().get("/elections/sp.x.2021-05-06").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", startsWith("subtype 'x' is not valid for type 'sp'"));
    }

    @Test
    void aBallotIdIsNotAnElectionToCreateHere() {
        post("/elections", "{\"electionId\":\"local.suffolk.st-olaves.2022-05-05\",\"name\":\"x\"}")
                .statusCode(422).contentType("application/problem+json");
    }

    @Test
    void onlyTheElectionsTeamRecordsElections() {
        given().contentType(ContentType.JSON).body("{\"electionId\":\"parl.2024-07-04\",\"name\":\"x\"}")
                .post("/elections").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("someone", "member")).contentType(ContentType.JSON)
                .body("{\"electionId\":\"parl.2024-07-04\",\"name\":\"x\"}")
                .post("/elections").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("someone", "elections")).contentType(ContentType.JSON)
                .body("{\"electionId\":\"parl.2029-07-04\",\"name\":\"UK general election\"}")
                .post("/elections").then().statusCode(201);
        given().queryParam("parent", "parl.2029-07-04").get("/elections").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
