package org.grassroots.events.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.events.domain.Rsvp;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.EventCatalogue;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.grassroots.events.support.EventsApi.activeMember;
import static org.grassroots.events.support.EventsApi.as;
import static org.grassroots.events.support.EventsApi.eventJson;
import static org.grassroots.events.support.EventsApi.future;
import static org.grassroots.events.support.EventsApi.past;
import static org.grassroots.events.support.EventsApi.memberEvent;
import static org.grassroots.events.support.EventsApi.memberStatus;
import static org.grassroots.events.support.EventsApi.publishedEvent;
import static org.grassroots.events.support.EventsApi.rows;
import static org.grassroots.events.support.EventsApi.timeslot;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class RsvpTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private final UUID branch = UUID.randomUUID();
    private final String organiser = TestTokens.organiser(branch);

    @Test
    void fiftyConcurrentRsvpsToATimeslotOfTenGiveTenAcceptedAndFortyWaitlistedAndACancellationPromotesTheFirst()
            throws Exception {
        String event = publishedEvent(branch, "Stall in Liverpool", "Liverpool", future(5, 10));
        String slot = timeslot(branch, event, 10, future(5, 10));

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return given().contentType(ContentType.JSON).body("""
                        {"givenName":"Visitor %d","email":"visitor.%d.%s@example.org","consent":false}"""
                        .formatted(n, n, UUID.randomUUID())).post("/events/" + event + "/timeslots/" + slot + "/rsvps");
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();
        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 201), "every RSVP was taken");
        Map<String, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(r -> r.path("status"), Collectors.counting()));
        assertEquals(Map.of("accepted", 10L, "waitlisted", 40L), byStatus);
        given().get("/events/" + event + "/timeslots").then().statusCode(200)
                .body("[0].accepted", equalTo(10)).body("[0].waitlisted", equalTo(40)).body("[0].available", equalTo(0));

        List<Map<String, Object>> inOrder = given().auth().oauth2(organiser).queryParam("limit", 200)
                .get("/events/" + event + "/rsvps").then().statusCode(200).extract().path("items");
        String firstWaitlisted = (String) inOrder.stream().filter(r -> "waitlisted".equals(r.get("status")))
                .findFirst().orElseThrow().get("id");
        String anAccepted = (String) inOrder.stream().filter(r -> "accepted".equals(r.get("status")))
                .findFirst().orElseThrow().get("id");

        given().auth().oauth2(organiser).delete("/events/" + event + "/rsvps/" + anAccepted)
                .then().statusCode(200).body("status", equalTo("cancelled"));

        List<Map<String, Object>> after = given().auth().oauth2(organiser).queryParam("limit", 200)
                .get("/events/" + event + "/rsvps").then().statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> byId = after.stream()
                .collect(Collectors.toMap(r -> (String) r.get("id"), Function.identity()));
        assertEquals("accepted", byId.get(firstWaitlisted).get("status"), "the first waitlisted was promoted");
        Map<String, Long> counts = after.stream()
                .collect(Collectors.groupingBy(r -> (String) r.get("status"), Collectors.counting()));
        assertEquals(Map.of("accepted", 10L, "waitlisted", 39L, "cancelled", 1L), counts);
    }

    @Test
    void aMembersRsvpIsCheckedAgainstTheMembershipAndCheckInPublishesTheAttendance() {
        String event = publishedEvent(branch, "Canvass in Nottingham", "Nottingham", future(6, 10));
        String slot = timeslot(branch, event, 5, future(6, 10));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";

        UUID stranger = UUID.randomUUID();
        as(TestTokens.member(stranger)).body("{}").post(rsvps).then().statusCode(422)
                .contentType("application/problem+json");

        UUID lapsed = activeMember();
        memberEvent(lapsed, EventTypes.MEMBER_STATUS_CHANGED, """
                {"memberId":"%s","fromStatus":"active","toStatus":"lapsed","kind":"lapsed","changedAt":"2022-06-01T00:00:00Z"}"""
                .formatted(lapsed));
        await().atMost(Duration.ofSeconds(15)).until(() -> "lapsed".equals(memberStatus(lapsed)));
        as(TestTokens.member(lapsed)).body("{}").post(rsvps).then().statusCode(422);

        UUID member = activeMember();
        String rsvp = as(TestTokens.member(member)).body("{}").post(rsvps).then().statusCode(201)
                .body("status", equalTo("accepted")).body("memberId", equalTo(member.toString()))
                .extract().path("id");
        as(TestTokens.member(member)).body("{}").post(rsvps).then().statusCode(409);
        given().auth().oauth2(TestTokens.member(member)).get("/events/" + event + "/rsvps")
                .then().statusCode(200).body("items", hasSize(1));

        given().auth().oauth2(TestTokens.member(member)).post("/events/" + event + "/rsvps/" + rsvp + "/check-in")
                .then().statusCode(403);
        given().auth().oauth2(organiser).post("/events/" + event + "/rsvps/" + rsvp + "/check-in")
                .then().statusCode(200).body("attended", equalTo(true));

        ConsumerRecord<String, byte[]> record = KafkaProbe.readUntil(Topics.EVENTS, Duration.ofSeconds(20),
                        rs -> rs.stream().anyMatch(r -> event.equals(r.key()) && isAttendance(r)))
                .stream().filter(r -> event.equals(r.key()) && isAttendance(r)).findFirst().orElseThrow();
        assertEquals(List.of(), EventCatalogue.load().violations(record));
        assertTrue(new String(record.value(), StandardCharsets.UTF_8).contains(rsvp));
    }

    @Test
    void anAttendeesOnlyAddressIsShownToAnAttendingMember() {
        String event = as(organiser).body(eventJson("Stall", "Exeter", future(6, 10), "published", "public")
                        .replace("\"longitude\":-4.1427", "\"longitude\":-4.1427,\"addressVisibility\":\"attendees\""))
                .post("/events").then().statusCode(201).extract().path("id");
        String slot = timeslot(branch, event, 5, future(6, 10));
        UUID member = activeMember();
        given().auth().oauth2(TestTokens.member(member)).get("/events/" + event).then().body("location.address", nullValue());
        as(TestTokens.member(member)).body("{}").post("/events/" + event + "/timeslots/" + slot + "/rsvps")
                .then().statusCode(201).body("status", equalTo("accepted"))
                .body("location.address", equalTo("1 High Street")).body("location.postcode", equalTo("PL4 8AA"));
        given().auth().oauth2(TestTokens.member(member)).get("/events/" + event)
                .then().body("location.address", equalTo("1 High Street"));
    }

    @Test
    void anAcceptedPublicRsvpGetsTheAttendeesOnlyAddressAndAWaitlistedOneDoesNot() {
        String event = as(organiser).body(eventJson("Canvass", "Exeter", future(6, 12), "published", "public")
                        .replace("\"longitude\":-4.1427", "\"longitude\":-4.1427,\"addressVisibility\":\"attendees\""))
                .post("/events").then().statusCode(201).extract().path("id");
        String slot = timeslot(branch, event, 1, future(6, 12));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";
        given().contentType(ContentType.JSON).body(visitor()).post(rsvps).then().statusCode(201)
                .body("status", equalTo("accepted")).body("location.venue", equalTo("Outside the library"))
                .body("location.address", equalTo("1 High Street")).body("location.latitude", equalTo(50.3755f));
        given().contentType(ContentType.JSON).body(visitor()).post(rsvps).then().statusCode(201)
                .body("status", equalTo("waitlisted")).body("location", nullValue());
    }

    @Test
    void aWaitlistedPublicRsvpPromotedByACancellationReadsItsPlaceAndTheAttendeesOnlyAddressWithItsToken() {
        String event = as(organiser).body(eventJson("Canvass", "Exeter", future(6, 14), "published", "public")
                        .replace("\"longitude\":-4.1427", "\"longitude\":-4.1427,\"addressVisibility\":\"attendees\""))
                .post("/events").then().statusCode(201).extract().path("id");
        String slot = timeslot(branch, event, 1, future(6, 14));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";
        var first = given().contentType(ContentType.JSON).body(visitor()).post(rsvps).then().statusCode(201)
                .body("status", equalTo("accepted")).extract();
        var second = given().contentType(ContentType.JSON).body(visitor()).post(rsvps).then().statusCode(201)
                .body("status", equalTo("waitlisted")).extract();
        String waiting = "/events/" + event + "/rsvps/" + second.path("id");
        String waitingToken = second.path("cancellationToken");

        given().header("Cancellation-Token", waitingToken).get(waiting).then().statusCode(200)
                .body("status", equalTo("waitlisted")).body("location", nullValue())
                .body("cancellationToken", nullValue());
        given().get(waiting).then().statusCode(403).contentType("application/problem+json");
        given().header("Cancellation-Token", first.path("cancellationToken")).get(waiting).then().statusCode(403);
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).get(waiting).then().statusCode(403);

        given().header("Cancellation-Token", first.path("cancellationToken"))
                .delete("/events/" + event + "/rsvps/" + first.path("id")).then().statusCode(200);
        given().header("Cancellation-Token", waitingToken).get(waiting).then().statusCode(200)
                .body("status", equalTo("accepted")).body("location.venue", equalTo("Outside the library"))
                .body("location.address", equalTo("1 High Street")).body("location.postcode", equalTo("PL4 8AA"));
        given().auth().oauth2(organiser).get(waiting).then().statusCode(200).body("status", equalTo("accepted"));
        given().header("Cancellation-Token", waitingToken).get("/events/" + event + "/rsvps/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void badTimeslotsAndRsvpsToCancelledFullOrPastEventsAreProblemsAndWriteNothing() {
        String event = publishedEvent(branch, "Meeting", "Reading", future(7, 18));
        long slots = rows("timeslot");
        as(organiser).body("""
                {"startsAt":"%s","endsAt":"%s","capacity":-1}""".formatted(future(7, 18), future(7, 19)))
                .post("/events/" + event + "/timeslots").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("capacity"));
        as(organiser).body("""
                {"startsAt":"%s","endsAt":"%s","capacity":5}""".formatted(future(7, 18), future(7, 17)))
                .post("/events/" + event + "/timeslots").then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
        as(organiser).body("""
                {"startsAt":"%s","endsAt":"%s","capacity":5}""".formatted(future(8, 18), future(8, 19)))
                .post("/events/" + event + "/timeslots").then().statusCode(422)
                .body("type", equalTo("https://grassroots.dev/problems/timeslot-outside-event"));
        assertEquals(slots, rows("timeslot"));

        String noWaitlist = as(organiser).body("""
                {"startsAt":"%s","endsAt":"%s","capacity":1,"waitlist":false}""".formatted(future(7, 18), future(7, 19)))
                .post("/events/" + event + "/timeslots").then().statusCode(201).extract().path("id");
        String rsvps = "/events/" + event + "/timeslots/" + noWaitlist + "/rsvps";
        given().contentType(ContentType.JSON).body(visitor()).post(rsvps).then().statusCode(201);
        long before = rows("rsvp");
        given().contentType(ContentType.JSON).body(visitor()).post(rsvps).then().statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"givenName\":\"No Email\",\"consent\":true}").post(rsvps)
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body(visitor().replace("\"consent\":true", "\"consent\":true,"
                + "\"familyName\":\"" + "x".repeat(101) + "\"")).post(rsvps)
                .then().statusCode(400).body("errors[0].field", equalTo("familyName"));

        OffsetDateTime lastYear = past(365, 10);
        String past = as(organiser).body(eventJson("Last year", "Reading", lastYear, "published", "public"))
                .post("/events").then().statusCode(201).extract().path("id");
        String pastSlot = timeslot(branch, past, 5, lastYear);
        given().contentType(ContentType.JSON).body(visitor()).post("/events/" + past + "/timeslots/" + pastSlot + "/rsvps")
                .then().statusCode(422).body("type", equalTo("https://grassroots.dev/problems/event-past"));

        String open = timeslot(branch, event, 5, future(7, 18));
        as(organiser).body("{\"status\":\"cancelled\"}").patch("/events/" + event).then().statusCode(200);
        given().contentType(ContentType.JSON).body(visitor()).post("/events/" + event + "/timeslots/" + open + "/rsvps")
                .then().statusCode(422).body("type", equalTo("https://grassroots.dev/problems/event-cancelled"));
        assertEquals(before, rows("rsvp"));
    }

    @Test
    void anErasedMembersRsvpsKeepTheirCountButLoseThePerson() {
        String event = publishedEvent(branch, "Social", "Bury", future(8, 19));
        String slot = timeslot(branch, event, 5, future(8, 19));
        UUID member = activeMember();
        String rsvp = as(TestTokens.member(member)).body("{}").post("/events/" + event + "/timeslots/" + slot + "/rsvps")
                .then().statusCode(201).extract().path("id");

        memberEvent(member, EventTypes.MEMBER_ERASED, """
                {"memberId":"%s","erasedAt":"%s"}""".formatted(member, now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> memberStatus(member) == null);

        List<Map<String, Object>> items = given().auth().oauth2(organiser).get("/events/" + event + "/rsvps")
                .then().statusCode(200).extract().path("items");
        assertEquals(1, items.size());
        assertEquals(rsvp, items.getFirst().get("id"));
        assertNull(items.getFirst().get("memberId"), "no link to the erased member: " + items);
        given().get("/events/" + event + "/timeslots").then().body("[0].accepted", equalTo(1));
    }

    @Test
    void anErasedPersonsRsvpsMadeAsAMemberOfThePublicKeepTheirCountButLoseTheirNameAndAddress() throws Exception {
        String event = publishedEvent(branch, "Social", "Bury", future(9, 19));
        String slot = timeslot(branch, event, 5, future(9, 19));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";
        String email = "Pat.Public." + UUID.randomUUID() + "@Example.org";
        String otherEmail = "someone." + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).body("""
                {"givenName":"Patience","familyName":"Publicola","email":"%s","consent":true}""".formatted(email))
                .post(rsvps).then().statusCode(201);
        given().contentType(ContentType.JSON).body("""
                {"givenName":"Someone","familyName":"Else","email":"%s","consent":true}""".formatted(otherEmail))
                .post(rsvps).then().statusCode(201);

        // The person also had a member record, erased now: the event carries their addresses' digests only.
        UUID member = UUID.randomUUID();
        String digest = org.grassroots.testing.TestErasureDigests.of(email);
        memberEvent(member, EventTypes.MEMBER_ERASED, """
                {"memberId":"%s","emailDigests":["%s"],"erasedAt":"%s"}""".formatted(member, digest, now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> rsvpsWhere("email_normalised = ?1", email.toLowerCase(Locale.ROOT)) == 0);
        assertEquals(0, rsvpsWhere("given_name = ?1", "Patience"));
        assertEquals(0, rsvpsWhere("family_name = ?1", "Publicola"));
        assertEquals(1, rsvpsWhere("email_normalised = ?1", otherEmail), "someone else's RSVP is untouched");
        given().get("/events/" + event + "/timeslots").then().body("[0].accepted", equalTo(2));
    }

    @Test
    void someoneWhoWasNeverAMemberIsAnonymisedByAnErasureByEmailAndTheirRememberedAnswerIsA410() throws Exception {
        String event = publishedEvent(branch, "Surgery", "Leek", future(9, 14));
        String slot = timeslot(branch, event, 5, future(9, 14));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";
        String email = "never.member." + UUID.randomUUID() + "@example.org";
        String key = UUID.randomUUID().toString();
        String body = """
                {"givenName":"Nerys","familyName":"Nevermember","email":"%s","consent":true}""".formatted(email);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(rsvps)
                .then().statusCode(201);

        UUID erasure = UUID.randomUUID();
        memberEvent(erasure, EventTypes.PERSON_ERASED, """
                {"erasureId":"%s","emailDigests":["%s"],"erasedAt":"%s"}"""
                .formatted(erasure, org.grassroots.testing.TestErasureDigests.of(email), now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> rsvpsWhere("given_name = ?1", "Nerys") == 0);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(rsvps)
                .then().statusCode(410);
        try (var c = dataSource.getConnection()) {
            assertEquals(List.of(), org.grassroots.testing.PersonalDataScan.find(c,
                    List.of(email, "Nerys", "Nevermember")));
        }
        given().get("/events/" + event + "/timeslots").then().body("[0].accepted", equalTo(1));
    }

    @Test
    void aPublicRsvpsRememberedAnswerHoldsNoReadableTokenAndIsA410AfterThePersonIsErased() throws Exception {
        String event = publishedEvent(branch, "Canvass", "Truro", future(9, 11));
        String slot = timeslot(branch, event, 5, future(9, 11));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";
        String email = "quentin.keyed." + UUID.randomUUID() + "@example.org";
        String key = UUID.randomUUID().toString();
        String body = """
                {"givenName":"Quentin","familyName":"Keyworth","email":"%s","consent":true}""".formatted(email);
        String token = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(rsvps)
                .then().statusCode(201).extract().path("cancellationToken");
        assertNotNull(token);
        List<String> values = List.of(email, "Quentin", "Keyworth", token);
        try (var c = dataSource.getConnection()) {
            List<String> hits = org.grassroots.testing.PersonalDataScan.find(c, values);
            assertTrue(hits.stream().noneMatch(hit -> hit.startsWith("idempotency_key.")),
                    "the token and the contact are not readable in the idempotency store: " + hits);
            assertTrue(hits.stream().noneMatch(hit -> hit.contains("cancellation")), "only the token's hash is kept");
        }
        // A retry by the visitor gets the same answer, token included.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(rsvps)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("cancellationToken", equalTo(token));

        UUID member = UUID.randomUUID();
        memberEvent(member, EventTypes.MEMBER_ERASED, """
                {"memberId":"%s","emailDigests":["%s"],"erasedAt":"%s"}"""
                .formatted(member, org.grassroots.testing.TestErasureDigests.of(email), now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> rsvpsWhere("given_name = ?1", "Quentin") == 0);

        String replay = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(rsvps)
                .then().statusCode(410).contentType("application/problem+json").extract().asString();
        values.forEach(value -> assertFalse(replay.contains(value), replay));
        try (var c = dataSource.getConnection()) {
            assertEquals(List.of(), org.grassroots.testing.PersonalDataScan.find(c, values));
        }
    }

    /** The suite's "now" as an event time: fixed dates would expire. */
    private static String now() {
        return org.grassroots.testing.TestClock.now().toInstant().toString();
    }

    private static long rsvpsWhere(String condition, String value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Rsvp.getEntityManager()
                .createNativeQuery("select count(*) from rsvp where " + condition).setParameter(1, value)
                .getSingleResult()).longValue());
    }

    @Test
    void aMemberOfThePublicCancelsWithTheTokenGivenOnceWithTheRsvpAndTheirPlaceGoesToTheWaitlist() {
        String event = publishedEvent(branch, "Meeting", "Colchester", future(9, 18));
        String slot = timeslot(branch, event, 1, future(9, 18));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";
        var first = given().contentType(ContentType.JSON).body(visitor()).post(rsvps).then().statusCode(201)
                .body("status", equalTo("accepted")).extract();
        String id = first.path("id");
        String token = first.path("cancellationToken");
        String waiting = given().contentType(ContentType.JSON).body(visitor()).post(rsvps).then().statusCode(201)
                .body("status", equalTo("waitlisted")).extract().path("id");

        given().delete("/events/" + event + "/rsvps/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Cancellation-Token", token + "x").delete("/events/" + event + "/rsvps/" + id)
                .then().statusCode(403);
        given().header("Cancellation-Token", token).delete("/events/" + event + "/rsvps/" + id).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("cancellationToken", nullValue());
        given().auth().oauth2(organiser).get("/events/" + event + "/rsvps").then()
                .body("items.find { it.id == '" + waiting + "' }.status", equalTo("accepted"))
                .body("items.cancellationToken", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void aMergeMovesTheDuplicatesRsvpsToTheSurvivorAndCancelsTheOnesTheSurvivorHasAlready() {
        String event = publishedEvent(branch, "Canvass", "Cambridge", future(9, 10));
        String both = timeslot(branch, event, 1, future(9, 10));
        String onlyDuplicate = timeslot(branch, event, 5, future(9, 12));
        UUID survivor = activeMember();
        UUID duplicate = activeMember();
        as(TestTokens.member(duplicate)).body("{}").post("/events/" + event + "/timeslots/" + both + "/rsvps")
                .then().statusCode(201).body("status", equalTo("accepted"));
        as(TestTokens.member(survivor)).body("{}").post("/events/" + event + "/timeslots/" + both + "/rsvps")
                .then().statusCode(201).body("status", equalTo("waitlisted"));
        as(TestTokens.member(duplicate)).body("{}").post("/events/" + event + "/timeslots/" + onlyDuplicate + "/rsvps")
                .then().statusCode(201);

        memberEvent(duplicate, EventTypes.MEMBER_MERGED, """
                {"memberId":"%s","mergedMemberId":"%s","mergedAt":"%s"}""".formatted(survivor, duplicate, now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> memberStatus(duplicate) == null);

        List<Map<String, Object>> mine = given().auth().oauth2(TestTokens.member(survivor))
                .get("/events/" + event + "/rsvps").then().statusCode(200).extract().path("items");
        // The duplicate's place in the full timeslot was cancelled, and went to the first waitlisted: the survivor.
        assertEquals(Map.of(both, "accepted", onlyDuplicate, "accepted"), mine.stream().collect(Collectors.toMap(
                r -> (String) r.get("timeslotId"), r -> (String) r.get("status"))));
        given().get("/events/" + event + "/timeslots").then()
                .body("find { it.id == '" + both + "' }.accepted", equalTo(1))
                .body("find { it.id == '" + onlyDuplicate + "' }.accepted", equalTo(1));
    }

    private static String visitor() {
        return """
                {"givenName":"Sam","familyName":"Rivers","email":"sam.%s@example.org","consent":true}"""
                .formatted(UUID.randomUUID());
    }

    private static boolean isAttendance(ConsumerRecord<String, byte[]> r) {
        return EventTypes.EVENT_ATTENDANCE_RECORDED.equals(
                new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
    }
}
