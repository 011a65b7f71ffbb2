package org.grassroots.members.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.grassroots.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The members API as tests call it. */
public final class MembersApi {

    private MembersApi() {
    }

    /** Creates a branch with a unique name covering {@code districts}; returns its id. */
    public static UUID branch(String name, String... districts) {
        String json = "[" + String.join(",", java.util.Arrays.stream(districts).map(d -> "\"" + d + "\"").toList()) + "]";
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"%s %s\",\"postcodeDistricts\":%s}".formatted(name, UUID.randomUUID(), json))
                .post("/branches").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** POST /members with a raw JSON body. */
    public static ValidatableResponse record(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post("/members").then();
    }

    /** A unique email address. */
    public static String email(String name) {
        return name + "." + UUID.randomUUID() + "@example.org";
    }

    /** Records a person with only the required fields; returns the id. */
    public static UUID member(String token, String email, String extraJson) {
        String body = "{\"givenName\":\"Test\",\"familyName\":\"Person\",\"email\":\"%s\"%s}"
                .formatted(email, extraJson.isEmpty() ? "" : "," + extraJson);
        return UUID.fromString(record(token, body).statusCode(201).extract().path("id"));
    }
}
