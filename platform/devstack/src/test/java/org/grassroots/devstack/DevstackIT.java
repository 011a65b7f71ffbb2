package org.grassroots.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grassroots.platform.infra.DevTokens;
import org.grassroots.platform.infra.FreePorts;
import org.grassroots.testing.PersonalDataScan;
import org.grassroots.testing.TestTokens;
import org.grassroots.testing.contract.ContractCheckedHttpClient;
import org.grassroots.testing.contract.OpenApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local run as a new user gets it: the built jars, embedded PostgreSQL and Kafka, every service and the
 * gateway as separate processes. Only the gateway's HTTP API and the services' databases are touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevstackIT {

    /**
     * HTTP/1.1 as browsers and integrations speak to the gateway in practice: the JDK client's default cleartext
     * HTTP/2 upgrade attempt intermittently failed on the large OpenAPI document ("frame exceeds MAX_FRAME_SIZE").
     */
    private static final HttpClient PLAIN_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Every answer these tests receive is validated against the served document (the last test reports). */
    private static ContractCheckedHttpClient HTTP;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Devstack stack;
    private static long secondsToReady;

    @BeforeAll
    static void startTheSuite() {
        Path root = DevstackOptions.findProjectRoot(Path.of(""));
        DevstackOptions options = new DevstackOptions(root, root.resolve("platform/devstack/target/devstack-it"), true,
                FreePorts.consecutive(1 + Devstack.SERVICES.size()), FreePorts.next(), FreePorts.next());
        Instant start = Instant.now();
        stack = Devstack.start(options);
        secondsToReady = Duration.between(start, Instant.now()).toSeconds();
        HTTP = new ContractCheckedHttpClient(PLAIN_HTTP, OpenApiContract.servedBy(stack.gatewayUrl()));
        System.out.printf("[DevstackIT] suite ready through the gateway in %d s, %d demo records added%n",
                secondsToReady, stack.demoRecordsAdded());
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack != null) {
            List<ProcessHandle> started = stack.liveProcesses();
            stack.close();
            assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), "every process the stack started is gone");
        }
    }

    @Test
    void theGatewayIsReadyWithinTwoMinutesWithTheDemoData() {
        assertTrue(secondsToReady <= 120, "ready in " + secondsToReady + " s");
        assertTrue(stack.demoRecordsAdded() > 0, "a fresh start adds the demo data");
    }

    @Test
    void theGatewaysOpenApiDocumentListsOperationsOfAllThreeServices() throws Exception {
        JsonNode paths = JSON.readTree(get("/q/openapi?format=json", null).body()).path("paths");
        assertTrue(paths.has("/members") && paths.path("/members").has("post"), "members-service: POST /members");
        assertTrue(paths.has("/events") && paths.path("/events").has("get"), "events-service: GET /events");
        assertTrue(paths.has("/elections") && paths.path("/elections").has("get"), "elections-service: GET /elections");
        assertEquals(200, get("/q/swagger-ui/", null).statusCode(), "Swagger UI is served");
    }

    @Test
    void theDemoTownCouncillorWhoCrossedTheFloorIsPublicWithBothAffiliations() throws Exception {
        JsonNode holders = JSON.readTree(get("/office-holders?current=true", null).body()).path("items");
        JsonNode morgan = null;
        for (JsonNode holder : holders) {
            if ("Morgan Demo".equals(holder.path("name").asText())) {
                morgan = holder;
            }
        }
        assertTrue(morgan != null, "the demo councillor is listed: " + holders);
        assertEquals(2, morgan.path("affiliations").size(), morgan.toString());
        assertEquals("PP90", morgan.path("affiliations").path(0).path("onBehalfOf").path("ecId").asText());
        assertEquals("PP9999", morgan.path("currentParty").path("ecId").asText());
        assertEquals(200, get("/ballots/local.bury-st-edmunds.st-olaves.2022-05-05/result", null).statusCode());
    }

    @Test
    void aCouncillorWhoCrossesTheFloorToUsIsACouncillorInMembersServiceWithinTwoSeconds() throws Exception {
        String admin = DevTokens.token("it-admin", List.of("admin"), Duration.ofMinutes(10));
        HttpResponse<String> member = post("/members", admin, """
                {"givenName":"Jordan","familyName":"Crosser","email":"jordan.%s@example.org"}""".formatted(UUID.randomUUID()));
        assertEquals(201, member.statusCode(), member.body());
        String memberId = JSON.readTree(member.body()).path("id").asText();
        awaitRow("elections", UUID.fromString(memberId));

        String ours = JSON.readTree(get("/parties?ecId=PP9999", null).body()).path("items").path(0).path("id").asText();
        String libDems = JSON.readTree(get("/parties?ecId=PP90", null).body()).path("items").path(0).path("id").asText();
        String town = null;
        for (JsonNode organisation : JSON.readTree(get("/organisations?limit=200", null).body()).path("items")) {
            if ("bury-st-edmunds".equals(organisation.path("slug").asText())) {
                town = organisation.path("id").asText();
            }
        }
        assertTrue(town != null && !ours.isEmpty() && !libDems.isEmpty(), "the demo parties and town council exist");
        String slug = "ward-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> ward = post("/posts", admin, """
                {"organisationId":"%s","slug":"%s","name":"Test ward","kind":"ward","seats":1}""".formatted(town, slug));
        assertEquals(201, ward.statusCode(), ward.body());
        HttpResponse<String> holder = post("/office-holders", admin, """
                {"name":"Jordan Crosser","postId":"%s","memberId":"%s",
                 "affiliations":[{"partyId":"%s","startDate":"2022-05-05"}]}"""
                .formatted(JSON.readTree(ward.body()).path("id").asText(), memberId, libDems));
        assertEquals(201, holder.statusCode(), holder.body());
        String holderId = JSON.readTree(holder.body()).path("officeHolder").path("id").asText();
        assertEquals("[]", JSON.readTree(get("/members/" + memberId, admin).body()).path("roles").toString(),
                "a Liberal Democrat councillor is not one of ours");

        HttpResponse<String> crossed = post("/office-holders/" + holderId + "/party-changes", admin, """
                {"partyId":"%s","date":"2024-01-15","reason":"Crossed the floor"}""".formatted(ours));
        Instant recorded = Instant.now();
        assertEquals(200, crossed.statusCode(), crossed.body());
        JsonNode record = JSON.readTree(get("/office-holders/" + holderId, null).body());
        assertEquals(2, record.path("affiliations").size(), "one person, two affiliations: " + record);
        assertEquals("changed_party", record.path("history").path(1).path("kind").asText(), record.toString());

        long waited = -1;
        while (Duration.between(recorded, Instant.now()).toMillis() < 10_000) {
            if (JSON.readTree(get("/members/" + memberId, admin).body()).path("roles").toString().contains("councillor")) {
                waited = Duration.between(recorded, Instant.now()).toMillis();
                break;
            }
            Thread.sleep(20);
        }
        System.out.printf("[DevstackIT] councillor role in members-service %d ms after the change of party%n", waited);
        assertTrue(waited >= 0 && waited <= 2000, "councillor role within 2 s; took " + waited + " ms");
    }

    @Test
    void aMemberCreatedThroughTheGatewayReachesBothProjectionsWithinTwoSeconds() throws Exception {
        String admin = DevTokens.token("it-admin", List.of("admin"), Duration.ofMinutes(10));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/members"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"givenName":"Robin","familyName":"Ashdown","email":"robin.%s@example.org"}"""
                        .formatted(UUID.randomUUID())))
                .build(), HttpResponse.BodyHandlers.ofString());
        Instant committed = Instant.now();
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(JSON.readTree(created.body()).path("id").asText());

        Duration events = awaitRow("events", id);
        Duration elections = awaitRow("elections", id);
        long fromCommit = Duration.between(committed, Instant.now()).toMillis();
        System.out.printf("[DevstackIT] member %s in events-service after %d ms, elections-service after %d ms%n",
                id, events.toMillis(), elections.toMillis());
        assertTrue(fromCommit <= 2000, "both projections within 2 s; took " + fromCommit + " ms");

        HttpResponse<String> read = get("/members/" + id, admin);
        assertEquals(200, read.statusCode());
        assertEquals("Robin", JSON.readTree(read.body()).path("givenName").asText());
    }

    @Test
    void anErasureThroughTheGatewayLeavesNoCopyOfTheNameEmailOrPhoneInAnyDatabase() throws Exception {
        String admin = DevTokens.token("it-admin", List.of("admin"), Duration.ofMinutes(10));
        String email = "quentin.ostrowski." + UUID.randomUUID() + "@example.org";
        HttpResponse<String> created = post("/members", admin, """
                {"givenName":"Quentin","familyName":"Ostrowski","email":"%s","phone":"07700 900456",
                 "postcode":"RG1 1AA"}""".formatted(email));
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(JSON.readTree(created.body()).path("id").asText());
        awaitRow("events", id);
        awaitRow("elections", id);

        HttpResponse<String> erased = post("/members/" + id + "/erasure", admin, "");
        assertEquals(201, erased.statusCode(), erased.body());
        awaitNoRow("events", id);
        awaitNoRow("elections", id);
        List<String> needles = List.of(email, "Quentin", "Ostrowski", "+447700900456", "RG1 1AA");
        for (String service : Devstack.SERVICES) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres")) {
                assertEquals(List.of(), PersonalDataScan.find(c, needles), service + " database after erasure");
            }
        }
    }

    @Test
    void theHeldWeekendOfActionsRollUpAddsUpItsDemoDefinitionOnWhateverDayItRuns() throws Exception {
        String admin = DevTokens.token("it-admin", List.of("admin"), Duration.ofMinutes(10));
        WeekendOfAction.Weekend held = WeekendOfAction.held(stack.clock());
        assertTrue(held.sunday().isBefore(LocalDate.now(stack.clock().withZone(WeekendOfAction.ZONE))),
                "the held weekend is over: " + held);
        String campaignId = campaignId(held);
        HttpResponse<String> response = get("/campaigns/" + campaignId + "/roll-up", admin);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode rollUp = JSON.readTree(response.body());

        assertEquals(List.of(), WeekendOfAction.rollUpDifferences(rollUp), "the roll-up against the demo definition");
        assertTrue(rollUp.path("walkIns").asLong() > 0 && rollUp.path("attended").asLong() > 0, rollUp.toString());
    }

    @Test
    void theComingWeekendOfActionIsOpenForRsvpsFromThePublicAndTheDemoMember() throws Exception {
        WeekendOfAction.Weekend coming = WeekendOfAction.coming(stack.clock());
        String campaignId = campaignId(coming);
        // The public website finds the weekend's London events (3 branches, a stall and a leafleting round each).
        JsonNode london = JSON.readTree(get("/events?campaign=" + campaignId + "&town=London", null).body());
        assertEquals(6, london.path("items").size(), london.toString());
        String stall = null;
        for (JsonNode event : london.path("items")) {
            if ("street_stall".equals(event.path("type").asText())) {
                stall = event.path("id").asText();
                assertTrue(event.path("startsAt").asText().startsWith(coming.saturday().toString()), event.toString());
            }
        }
        String morning = firstTimeslot(stall);

        HttpResponse<String> publicRsvp = post("/events/" + stall + "/timeslots/" + morning + "/rsvps", null, """
                {"givenName":"Robin","familyName":"Passer-by","email":"robin.%s@example.org","consent":false}"""
                .formatted(UUID.randomUUID()));
        assertEquals(201, publicRsvp.statusCode(), publicRsvp.body());
        String member = stack.demoMemberToken(Duration.ofMinutes(10))
                .orElseThrow(() -> new AssertionError("the local run has a demo member"));
        HttpResponse<String> memberRsvp = post("/events/" + stall + "/timeslots/" + morning + "/rsvps", member, "{}");
        assertEquals(201, memberRsvp.statusCode(), memberRsvp.body());
    }

    @Test
    void thePublicCannotRsvpToTheHeldWeekendWhoseTimeslotsAreOver() throws Exception {
        String campaignId = campaignId(WeekendOfAction.held(stack.clock()));
        String stall = JSON.readTree(get("/events?campaign=" + campaignId + "&type=street_stall&town=Manchester",
                null).body()).path("items").path(0).path("id").asText();
        String morning = firstTimeslot(stall);
        HttpResponse<String> late = post("/events/" + stall + "/timeslots/" + morning + "/rsvps", null, """
                {"givenName":"Robin","familyName":"Too-late","email":"robin.late@example.org","consent":false}""");
        assertEquals(422, late.statusCode(), late.body());
        assertTrue(late.body().contains("event-past"), late.body());
    }

    @Test
    void thePrintedOrganiserTokenListsThatOrganisersBranchsMembers() throws Exception {
        String organiser = stack.demoOrganiserToken(Duration.ofMinutes(10))
                .orElseThrow(() -> new AssertionError("the local run has a demo organiser"));
        String plymouth = stack.demoOrganiserBranchId().orElseThrow().toString();
        HttpResponse<String> members = get("/members?limit=200", organiser);
        assertEquals(200, members.statusCode(), members.body());
        JsonNode items = JSON.readTree(members.body()).path("items");
        List<String> emails = new ArrayList<>();
        for (JsonNode member : items) {
            assertEquals(plymouth, member.path("branchId").asText(), "only Plymouth's members: " + member);
            emails.add(member.path("email").asText());
        }
        assertTrue(emails.contains("ada.fairweather@example.org") && emails.contains("olu.adeyemi@example.org"),
                "Plymouth's demo members are listed: " + emails);
    }

    @Test
    void aFrontEndOnAnyLocalhostPortMayCallTheLocalRunFromABrowser() throws Exception {
        for (String origin : List.of("http://localhost:5173", "http://127.0.0.1:3000")) {
            HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/events"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(origin, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                    origin + " preflight: " + preflight.statusCode() + " " + preflight.headers().map());
        }
        HttpResponse<String> elsewhere = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/events"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(elsewhere.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                "other origins are not allowed: " + elsewhere.headers().map());
    }

    /** The event's first timeslot (the list is a plain array, earliest first). */
    private static String firstTimeslot(String event) throws IOException, InterruptedException {
        JsonNode slots = JSON.readTree(get("/events/" + event + "/timeslots", null).body());
        String id = slots.path(0).path("id").asText();
        assertTrue(!id.isEmpty(), "event " + event + " has timeslots: " + slots);
        return id;
    }

    private static String campaignId(WeekendOfAction.Weekend weekend) throws IOException, InterruptedException {
        for (JsonNode campaign : JSON.readTree(get("/campaigns?limit=200", null).body()).path("items")) {
            if (weekend.campaignName().equals(campaign.path("name").asText())) {
                return campaign.path("id").asText();
            }
        }
        throw new AssertionError("the demo data has no campaign " + weekend.campaignName());
    }

    @Test
    void theDemoReadOnlyApiKeyReadsThroughTheRealServicesWhichAcceptTheGatewaysTokenAndCannotWrite() throws Exception {
        String key = stack.demoApiKey().orElseThrow(() -> new AssertionError("the local run creates a demo API key"));
        for (String path : List.of("/members?limit=1", "/events", "/elections")) {
            HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, read.statusCode(), path + ": " + read.body());
        }
        HttpResponse<String> write = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/members"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"No\",\"familyName\":\"Write\","
                        + "\"email\":\"no.write@example.org\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, write.statusCode(), write.body());
        assertEquals("application/problem+json", write.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void everyOperationInTheDocumentAnswersEachKindOfCallerAsItsDeclaredRolesSayAndAnonymousAnswersCarryNoPersonalData()
            throws Exception {
        String admin = DevTokens.token("it-admin", List.of("admin"), Duration.ofMinutes(10));
        HttpResponse<String> created = post("/api-keys", admin, "{\"name\":\"matrix write key\",\"scopes\":"
                + "[\"members:write\",\"events:write\",\"elections:write\"]}");
        assertEquals(201, created.statusCode(), created.body());
        String writeKey = JSON.readTree(created.body()).path("key").asText();
        String readKey = stack.demoApiKey().orElseThrow();
        Map<AuthorizationMatrix.Caller, Map<String, String>> credentials = Map.of(
                AuthorizationMatrix.Caller.MEMBER, Map.of("Authorization", "Bearer " + TestTokens.member(UUID.randomUUID())),
                AuthorizationMatrix.Caller.ORGANISER, Map.of("Authorization", "Bearer " + TestTokens.organiser(UUID.randomUUID())),
                AuthorizationMatrix.Caller.ADMIN, Map.of("Authorization", "Bearer " + admin),
                AuthorizationMatrix.Caller.READ_KEY, Map.of("X-API-Key", readKey),
                AuthorizationMatrix.Caller.WRITE_KEY, Map.of("X-API-Key", writeKey));
        AuthorizationMatrix matrix = new AuthorizationMatrix(HTTP, stack.gatewayUrl(), credentials);
        List<AuthorizationMatrix.Operation> operations = AuthorizationMatrix.operations(
                JSON.readTree(get("/q/openapi?format=json", null).body()));
        assertTrue(operations.size() > 30, "operations: " + operations.size());

        List<String> wrong = new ArrayList<>();
        Map<AuthorizationMatrix.Expect, Integer> expectations = new java.util.EnumMap<>(AuthorizationMatrix.Expect.class);
        int calls = 0;
        for (AuthorizationMatrix.Operation op : operations) {
            for (AuthorizationMatrix.Caller caller : AuthorizationMatrix.Caller.values()) {
                AuthorizationMatrix.Expect expected = AuthorizationMatrix.expect(op, caller);
                expectations.merge(expected, 1, Integer::sum);
                HttpResponse<String> answer = matrix.call(op, caller);
                calls++;
                if (!AuthorizationMatrix.meets(expected, answer.statusCode())) {
                    wrong.add(op.method() + " " + op.path() + " as " + caller + ": expected " + expected + ", got "
                            + answer.statusCode());
                }
                if (caller == AuthorizationMatrix.Caller.ANONYMOUS && answer.statusCode() / 100 == 2) {
                    Set<String> leaked = AuthorizationMatrix.personalFields(answer.body());
                    if (!leaked.isEmpty()) {
                        wrong.add(op.method() + " " + op.path() + " anonymously shows " + leaked);
                    }
                }
            }
        }
        System.out.printf("[DevstackIT] authorization matrix: %d operations x %d callers = %d calls, expected %s%n",
                operations.size(), AuthorizationMatrix.Caller.values().length, calls, expectations);
        assertTrue(expectations.keySet().containsAll(List.of(AuthorizationMatrix.Expect.values())),
                "the matrix exercises every kind of answer");
        assertEquals(List.of(), wrong);
    }

    private static void awaitNoRow(String service, UUID memberId) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("select 1 from member_projection where member_id = ?")) {
            ps.setObject(1, memberId);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("member " + memberId + " is still in " + service + "-service's projection");
    }

    private static HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Duration awaitRow(String service, UUID memberId) throws SQLException, InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(10);
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("select status from member_projection where member_id = ?")) {
            ps.setObject(1, memberId);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        assertEquals("active", rs.getString(1));
                        return Duration.between(start, Instant.now());
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("member " + memberId + " never reached " + service + "-service's projection");
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyAnswerTheseTestsReceivedMatchesTheServedOpenApiDocument() {
        OpenApiContract contract = HTTP.contract();
        System.out.println("[DevstackIT] " + contract.summary());
        assertEquals(List.of(), contract.mismatches().stream().map(Object::toString).toList(),
                "every answer matches the served document");
        assertTrue(contract.validatedByOperation().size() >= 10, "answers of many operations were validated: "
                + contract.validatedByOperation().keySet());
    }
}
