package org.grassroots.events.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.grassroots.events.domain.Event;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import org.grassroots.testing.TestClock;

/** The events API as a client uses it, for tests. */
public final class EventsApi {

    private EventsApi() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Tomorrow at 10:00 UTC plus {@code days}: a time that is still ahead while a test runs. */
    public static OffsetDateTime future(int days, int hour) {
        return TestClock.now().truncatedTo(ChronoUnit.DAYS).plusDays(1L + days).withHour(hour);
    }

    /** {@code days} before today at {@code hour}:00 UTC: a time that is over while a test runs. */
    public static OffsetDateTime past(int days, int hour) {
        return TestClock.now().truncatedTo(ChronoUnit.DAYS).minusDays(days).withHour(hour);
    }

    public static String eventJson(String title, String town, OffsetDateTime startsAt, String status,
                                   String visibility) {
        return """
                {"type":"street_stall","title":"%s","startsAt":"%s","endsAt":"%s","timeZone":"Europe/London",
                 "location":{"venue":"Outside the library","address":"1 High Street","town":"%s","postcode":"PL4 8AA",
                             "latitude":50.3755,"longitude":-4.1427},
                 "status":"%s","visibility":"%s"}""".formatted(title, startsAt, startsAt.plusHours(4), town, status,
                visibility);
    }

    /** A published public street stall hosted by {@code branch}; returns its id. */
    public static String publishedEvent(UUID branch, String title, String town, OffsetDateTime startsAt) {
        return as(org.grassroots.testing.TestTokens.organiser(branch))
                .body(eventJson(title, town, startsAt, "published", "public"))
                .post("/events").then().statusCode(201).extract().path("id");
    }

    /** A timeslot of {@code capacity} on the event; returns its id. */
    public static String timeslot(UUID branch, String eventId, int capacity, OffsetDateTime startsAt) {
        return as(org.grassroots.testing.TestTokens.organiser(branch))
                .body("""
                        {"label":"Morning","startsAt":"%s","endsAt":"%s","capacity":%d}"""
                        .formatted(startsAt, startsAt.plusHours(2), capacity))
                .post("/events/" + eventId + "/timeslots").then().statusCode(201).extract().path("id");
    }

    public static long rows(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Event.getEntityManager()
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    /** Announces an active member on the member topic, as members-service does, and waits for the projection. */
    public static UUID activeMember() {
        UUID memberId = UUID.randomUUID();
        memberEvent(memberId, org.grassroots.kit.catalogue.EventTypes.MEMBER_JOINED, """
                {"memberId":"%s","status":"active","membershipType":"member","joinedAt":"2022-01-15T10:00:00Z"}"""
                .formatted(memberId));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> memberStatus(memberId) != null);
        return memberId;
    }

    public static void memberEvent(UUID memberId, String type, String json) {
        org.grassroots.testing.KafkaProbe.send(org.grassroots.testing.CloudEventRecords.cloudEvent(
                org.grassroots.kit.catalogue.Topics.MEMBERS, memberId.toString(), UUID.randomUUID(), type, json));
    }

    public static String memberStatus(UUID memberId) {
        return QuarkusTransaction.requiringNew().call(() ->
                org.grassroots.events.domain.MemberProjection.<org.grassroots.events.domain.MemberProjection>findByIdOptional(memberId)
                        .map(m -> m.status).orElse(null));
    }
}
