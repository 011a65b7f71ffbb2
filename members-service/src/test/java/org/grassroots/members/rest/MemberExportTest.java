package org.grassroots.members.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.members.support.MembersApi;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class MemberExportTest {

    @Test
    void anOrganiserExportsTheirBranchAsCsvWithFormulasDefused() {
        String admin = TestTokens.admin();
        UUID branch = MembersApi.branch("Camberwell", "SE5");
        UUID other = MembersApi.branch("Ashfield", "NG17");
        for (int i = 0; i < 205; i++) { // more than one page of 200
            MembersApi.member(admin, MembersApi.email("x" + i), "\"branchId\":\"%s\"".formatted(branch));
        }
        MembersApi.record(admin, """
                {"givenName":"=HYPERLINK(\\"http://evil\\")","familyName":"Smith, Jr","email":"%s","branchId":"%s"}"""
                .formatted(MembersApi.email("evil"), branch)).statusCode(201);
        MembersApi.member(admin, MembersApi.email("elsewhere"), "\"branchId\":\"%s\"".formatted(other));

        String csv = given().auth().oauth2(TestTokens.organiser(branch)).accept("text/csv").get("/members/export")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertEquals(String.join(",", MemberCsv.COLUMNS), lines.getFirst());
        assertEquals(207, lines.size(), "header + 206 members of the branch, none of another");
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(branch.toString())));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"'=HYPERLINK(\"\"http://evil\"\")\",\"Smith, Jr\"")),
                "the formula is defused and quoting is RFC 4180");

        given().auth().oauth2(TestTokens.organiser(branch)).accept("text/csv").queryParam("branch", other)
                .get("/members/export").then().statusCode(403);
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).accept("text/csv").get("/members/export")
                .then().statusCode(403);
    }
}
