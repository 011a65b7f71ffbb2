package org.grassroots.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
 * branches, a few members (one of them Plymouth's organiser), the held and the coming weekend of action
 * ({@link WeekendOfAction}: campaigns, events, sessions, RSVPs, check-ins, walk-ins, feedback) and the 2022 local elections in Bury St Edmunds with a councillor who crossed the floor.
 * Branches that exist are answered 409, people 200 (updated, not duplicated). The
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

    /** The demo organiser: a member in Plymouth with the organiser role, whose token the local run prints. */
    private static final Person ORGANISER = new Person("Olu", "Adeyemi", "olu.adeyemi@example.org", "PL4 8AA");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoData() {
    }

    /** A demo member as the API answered: their id and branch. */
    record DemoMember(UUID id, UUID branchId) {
    }

    /**
     * What a seeding run did: how many records it created; the demo member (Ada, who RSVPs with the member token)
     * and the demo organiser (Olu, Plymouth), whether created now or found from an earlier start.
     */
    record Seeded(int created, Optional<DemoMember> member, Optional<DemoMember> organiser) {
    }

    static Seeded seed(String gatewayUrl, String adminToken, Clock clock) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        int created = 0;
        Optional<DemoMember> demoMember = Optional.empty();
        Optional<DemoMember> organiser = Optional.empty();
        for (Map.Entry<String, List<String>> branch : BRANCHES.entrySet()) {
            String districts = branch.getValue().stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(","));
            HttpResponse<String> response = post(http, gatewayUrl + "/branches", adminToken, """
                    {"name":"%s","postcodeDistricts":[%s]}""".formatted(branch.getKey(), districts));
            if (response == null) {
                return new Seeded(created, demoMember, organiser);
            }
            if (response.statusCode() == 201) {
                created++;
            }
        }
        List<Person> people = new java.util.ArrayList<>(PEOPLE);
        people.add(ORGANISER);
        for (Person person : people) {
            HttpResponse<String> response = send(http, "POST", gatewayUrl + "/members", adminToken, """
                    {"givenName":"%s","familyName":"%s","email":"%s","postcode":"%s","origin":"demo data"}"""
                    .formatted(person.givenName(), person.familyName(), person.email(), person.postcode()));
            if (response == null) {
                break;
            }
            if (response.statusCode() != 201 && response.statusCode() != 200) { // 200: recorded already, and updated
                Devstack.log("Demo member not created: HTTP %d", response.statusCode());
                continue;
            }
            if (response.statusCode() == 201) {
                created++;
            }
            Optional<DemoMember> recorded = demoMember(response.body());
            if (person == PEOPLE.getFirst()) {
                demoMember = recorded;
            } else if (person == ORGANISER) {
                organiser = recorded;
            }
        }
        if (organiser.isPresent()) {
            HttpResponse<String> granted = send(http, "PUT", gatewayUrl + "/members/" + organiser.get().id()
                    + "/roles/organiser", adminToken, null);
            if (granted == null || granted.statusCode() != 200) {
                Devstack.log("The demo organiser's role was not granted: HTTP %s",
                        granted == null ? "(no answer)" : granted.statusCode());
                organiser = Optional.empty();
            }
        }
        try {
            created += WeekendOfAction.seed(http, gatewayUrl, adminToken, clock);
        } catch (IOException e) {
            Devstack.log("Weekend of action demo data incomplete: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        created += seedElections(http, gatewayUrl, adminToken);
        return new Seeded(created, demoMember, organiser);
    }

    private static Optional<DemoMember> demoMember(String memberView) {
        try {
            JsonNode member = JSON.readTree(memberView);
            return Optional.of(new DemoMember(UUID.fromString(member.path("id").asText()),
                    UUID.fromString(member.path("branchId").asText())));
        } catch (IOException | IllegalArgumentException e) {
            Devstack.log("Unexpected answer to a demo member: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** @return the response, or null if the gateway could not be reached */
    private static HttpResponse<String> send(HttpClient http, String method, String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            Devstack.log("Demo data incomplete: %s", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The 2022 local elections for Suffolk and Bury St Edmunds (St Olaves ward) and a town councillor who crossed
     * the floor to us. Seeded once: when our party exists already, so does the rest. Names are fictional; the
     * party ids are real Electoral Commission ids except ours (grassroots.elections.our-party-ec-id, PP9999 locally).
     */
    private static int seedElections(HttpClient http, String gatewayUrl, String token) {
        Optional<String> ours = create(http, gatewayUrl + "/parties", token, """
                {"name":"Grassroots Party","ecId":"PP9999"}""");
        if (ours.isEmpty()) {
            return 0;
        }
        int created = 1;
        String libDems = create(http, gatewayUrl + "/parties", token, """
                {"name":"Liberal Democrats","ecId":"PP90"}""").orElse(null);
        String conservatives = create(http, gatewayUrl + "/parties", token, """
                {"name":"Conservative and Unionist Party","ecId":"PP52"}""").orElse(null);
        create(http, gatewayUrl + "/organisations", token, """
                {"slug":"suffolk","name":"Suffolk County Council","organisationType":"county-council","gssCode":"E10000029"}""");
        String town = create(http, gatewayUrl + "/organisations", token, """
                {"slug":"bury-st-edmunds","name":"Bury St Edmunds Town Council","organisationType":"town-council"}""")
                .orElse(null);
        if (libDems == null || conservatives == null || town == null) {
            Devstack.log("Demo elections incomplete: a party or organisation was not created");
            return created + 2;
        }
        String ward = create(http, gatewayUrl + "/posts", token, """
                {"organisationId":"%s","slug":"st-olaves","name":"St Olaves","kind":"ward","seats":2}""".formatted(town))
                .orElseThrow();
        for (String[] election : new String[][] {{"local.2022-05-05", "Local elections 5 May 2022"},
                {"local.suffolk.2022-05-05", "Suffolk County Council"},
                {"local.bury-st-edmunds.2022-05-05", "Bury St Edmunds Town Council"}}) {
            create(http, gatewayUrl + "/elections", token, """
                    {"electionId":"%s","name":"%s"}""".formatted(election[0], election[1]));
        }
        String ballot = "local.bury-st-edmunds.st-olaves.2022-05-05";
        create(http, gatewayUrl + "/ballots", token, """
                {"ballotPaperId":"%s","postId":"%s"}""".formatted(ballot, ward));
        String morgan = create(http, gatewayUrl + "/ballots/" + ballot + "/candidates", token, """
                {"name":"Morgan Demo","partyId":"%s"}""".formatted(libDems)).orElseThrow();
        String riley = create(http, gatewayUrl + "/ballots/" + ballot + "/candidates", token, """
                {"name":"Riley Example","partyId":"%s"}""".formatted(conservatives)).orElseThrow();
        String sasha = create(http, gatewayUrl + "/ballots/" + ballot + "/candidates", token, """
                {"name":"Sasha Sample"}""").orElseThrow();
        put(http, gatewayUrl + "/ballots/" + ballot + "/result", token, """
                {"turnout":1480,"spoiltBallots":9,"candidates":[
                 {"candidacyId":"%s","votes":912,"elected":true},
                 {"candidacyId":"%s","votes":701,"elected":true},
                 {"candidacyId":"%s","votes":344,"elected":false}]}""".formatted(morgan, riley, sasha));
        String councillor = create(http, gatewayUrl + "/office-holders", token, """
                {"name":"Morgan Demo","postId":"%s","affiliations":[{"partyId":"%s","startDate":"2022-05-05"}]}"""
                .formatted(ward, libDems)).orElseThrow();
        post(http, gatewayUrl + "/office-holders/" + councillor + "/party-changes", token, """
                {"partyId":"%s","date":"2023-09-01","reason":"Crossed the floor from the Liberal Democrats to us"}"""
                .formatted(ours.get()));
        return created + 9;
    }

    /** POSTs and answers the new resource's id (the last segment of Location), if one was created. */
    private static Optional<String> create(HttpClient http, String url, String token, String json) {
        HttpResponse<String> response = post(http, url, token, json);
        if (response == null || response.statusCode() != 201) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1));
    }

    private static void put(HttpClient http, String url, String token, String json) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            Devstack.log("Demo data incomplete: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
    private static HttpResponse<String> post(HttpClient http, String url, String token, String json) {
        return send(http, "POST", url, token, json);
    }
}
