package org.grassroots.gateway.support;

import io.restassured.http.ContentType;
import org.grassroots.testing.TestTokens;

import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** The gateway's own API as the tests use it. */
public final class GatewayApi {

    private GatewayApi() {
    }

    public record CreatedKey(String id, String secret) {
    }

    /** An admin creates a key with {@code scopes}; the answer carries the secret. */
    public static CreatedKey createKey(String... scopes) {
        String json = Arrays.stream(scopes).map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
        var body = given().header("Authorization", "Bearer " + TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"test integration\",\"scopes\":" + json + "}")
                .post("/api-keys").then().statusCode(201).extract().jsonPath();
        return new CreatedKey(body.getString("id"), body.getString("key"));
    }

    /** The claims of a JWT, decoded (not verified). */
    public static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static String header(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }
}
