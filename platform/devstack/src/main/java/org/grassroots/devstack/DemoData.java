package org.grassroots.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Demo records created through the gateway, as a client would, on every start: the weekend of action's 16
 * branches and a few members. Branches that exist are answered 409, people 200 (updated, not duplicated). The
 * people are fictional.
 */
final class DemoData {

    private record Person(String givenName, String familyName, String email, String postcode) {
    }

    /** The weekend of action's 16 locations, as branches with the postcode districts or areas they cover. */
    private static final Map<String, List<String>> BRANCHES = new LinkedHashMap<>();

    static {
        BRANCHES.put("Plymouth", List.of("PL"));
        BRANCHES.put("Newcastle", List.of("NE"));
        BRANCHES.put("Cambridge", List.of("CB"));
        BRANCHES.put("Liverpool", List.of("L"));
        BRANCHES.put("London Camberwell", List.of("SE5"));
        BRANCHES.put("London Camden", List.of("NW1", "NW3", "NW5"));
        BRANCHES.put("London Tottenham", List.of("N15", "N17"));
        BRANCHES.put("Manchester", List.of("M"));
        BRANCHES.put("Nottingham", List.of("NG"));
        BRANCHES.put("Bristol", List.of("BS"));
        BRANCHES.put("Exeter", List.of("EX"));
        BRANCHES.put("Reading", List.of("RG"));
        BRANCHES.put("Colchester", List.of("CO"));
        BRANCHES.put("Bury", List.of("BL8", "BL9"));
        BRANCHES.put("Ashfield", List.of("NG15", "NG17"));
        BRANCHES.put("Wellingborough", List.of("NN8", "NN9"));
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("Ada", "Fairweather", "ada.fairweather@example.org", "PL1 2AB"),
            new Person("Bilal", "Okafor", "bilal.okafor@example.org", "NE1 4XF"),
            new Person("Ceri", "Llewellyn", "ceri.llewellyn@example.org", "CB1 2JD"),
            new Person("Dev", "Raman", "dev.raman@example.org", "M1 1AE"),
            new Person("Esme", "Hartley", "esme.hartley@example.org", "NG17 1AB"),
            new Person("Finn", "Mackay", "finn.mackay@example.org", "SE5 8RS"));

    private DemoData() {
    }

    /** What a seeding run did: how many records it created, and the id of the demo member if it created her. */
    record Seeded(int created, Optional<UUID> demoMemberId) {
    }

    static Seeded seed(String gatewayUrl, String adminToken) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        int created = 0;
        Optional<UUID> demoMemberId = Optional.empty();
        for (Map.Entry<String, List<String>> branch : BRANCHES.entrySet()) {
            String districts = branch.getValue().stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(","));
            HttpResponse<Void> response = post(http, gatewayUrl + "/branches", adminToken, """
                    {"name":"%s","postcodeDistricts":[%s]}""".formatted(branch.getKey(), districts));
            if (response == null) {
                return new Seeded(created, demoMemberId);
            }
            if (response.statusCode() == 201) {
                created++;
            }
        }
        for (Person person : PEOPLE) {
            HttpResponse<Void> response = post(http, gatewayUrl + "/members", adminToken, """
                    {"givenName":"%s","familyName":"%s","email":"%s","postcode":"%s","origin":"demo data"}"""
                    .formatted(person.givenName(), person.familyName(), person.email(), person.postcode()));
            if (response == null) {
                break;
            }
            if (response.statusCode() == 201) { // 200: recorded already, and updated
                created++;
                if (person == PEOPLE.getFirst()) {
                    demoMemberId = response.headers().firstValue("Location")
                            .map(location -> UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
                }
            } else if (response.statusCode() != 200) {
                Devstack.log("Demo member not created: HTTP %d", response.statusCode());
            }
        }
        return new Seeded(created, demoMemberId);
    }

    /** A new read-only API key for every domain (a key's secret is shown only once, so each start makes one). */
    static Optional<String> readOnlyApiKey(String gatewayUrl, String adminToken) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api-keys"))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"demo read-only key (local run)\","
                            + "\"scopes\":[\"members:read\",\"events:read\",\"elections:read\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher key = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 201 || !key.find()) {
                Devstack.log("Demo API key not created: HTTP %d", response.statusCode());
                return Optional.empty();
            }
            return Optional.of(key.group(1));
        } catch (IOException e) {
            Devstack.log("Demo API key not created: %s", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** @return the response, or null if the gateway could not be reached */
    private static HttpResponse<Void> post(HttpClient http, String url, String token, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            Devstack.log("Demo data incomplete: %s", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
