package org.grassroots.kit.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Verified tokens are remembered: the same token is accepted again with its own claims, and a copy that differs in
 * any byte is verified afresh (and refused). That a remembered token is not accepted past its exp is not tested
 * through HTTP: smallrye-jwt itself accepts a token for a minute past its exp (clock skew), so only a minute's
 * wait would show it.
 */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class VerifiedTokensTest {

    @Test
    void aValidTokenIsAcceptedAgainAndAgainWithItsOwnClaims() {
        UUID branch = UUID.randomUUID();
        String organiser = TestTokens.organiser(branch);
        String admin = TestTokens.token("someone-else", "admin");
        for (int i = 0; i < 3; i++) { // the second and third are answered from the verified-token cache
            given().auth().oauth2(organiser).get("/whoami").then().statusCode(200)
                    .body("roles", contains("organiser")).body("branch", equalTo(branch.toString()));
            given().auth().oauth2(admin).get("/whoami").then().statusCode(200)
                    .body("subject", equalTo("someone-else")).body("branch", equalTo("null"));
        }
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String token = TestTokens.token("member-1", "member");
        given().auth().oauth2(token).get("/whoami").then().statusCode(200);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"member\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(tampered).get("/whoami").then().statusCode(401);
        given().auth().oauth2(TestTokens.forged()).get("/whoami").then().statusCode(401);
        given().auth().oauth2(token).get("/whoami").then().statusCode(200).body("roles", contains("member"));
    }
}
