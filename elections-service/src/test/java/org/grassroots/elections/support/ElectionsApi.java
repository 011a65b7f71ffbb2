package org.grassroots.elections.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.grassroots.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The elections API as tests call it. */
public final class ElectionsApi {

    private ElectionsApi() {
    }

    /** A slug no other test uses, so tests sharing the database stay apart. */
    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse post(String path, String json) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(json).post(path).then();
    }

    public static void election(String electionId, String name) {
        post("/elections", "{\"electionId\":\"%s\",\"name\":\"%s\"}".formatted(electionId, name)).statusCode(201);
    }

    /** Records the election group unless it exists (groups are shared by every test on that date). */
    public static void group(String electionId) {
        int status = post("/elections", "{\"electionId\":\"%s\",\"name\":\"%s\"}".formatted(electionId, electionId))
                .extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("could not record " + electionId + ": " + status);
        }
    }
}
