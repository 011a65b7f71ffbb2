package org.grassroots.members.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.EventCatalogue;
import org.grassroots.testing.GrassrootsInfrastructure;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class MemberEventsTest {

    @Test
    void joiningPublishesACloudEventThatMatchesTheCatalogueAndCarriesNoContactDetails() {
        String email = "jo." + UUID.randomUUID() + "@example.org";
        String id = create("Jo", email);

        ConsumerRecord<String, byte[]> record = KafkaProbe.readUntil(Topics.MEMBERS, Duration.ofSeconds(15),
                        records -> records.stream().anyMatch(r -> id.equals(r.key())))
                .stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();

        assertEquals(List.of(), EventCatalogue.load().violations(record));
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertFalse(payload.contains(email) || payload.contains("Jo\""), "no personal data in " + payload);

        // Any CloudEvents SDK reads it: here the reference Java SDK's Kafka binding.
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            deserializer.configure(Map.of(), false);
            CloudEvent event = deserializer.deserialize(record.topic(), record.headers(), record.value());
            assertEquals(EventTypes.MEMBER_JOINED, event.getType());
            assertEquals("/members-service", event.getSource().toString());
            assertEquals(id, event.getSubject());
        }
    }

    @Test
    void withKafkaStopped500MembersAreRecordedAndAllTheirEventsArePublishedWhenItReturns() {
        Set<String> ids = new HashSet<>();
        try (var outage = GrassrootsInfrastructure.get().stopKafka()) {
            String token = TestTokens.admin();
            for (int i = 0; i < 500; i++) {
                ids.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body("""
                                {"givenName":"Outage","familyName":"Member %d","email":"outage.%s@example.org"}"""
                                .formatted(i, UUID.randomUUID()))
                        .post("/members").then().statusCode(201).extract().path("id"));
            }
        }
        assertEquals(500, ids.size());
        List<ConsumerRecord<String, byte[]>> published = KafkaProbe.readUntil(Topics.MEMBERS, Duration.ofSeconds(120),
                records -> records.stream().filter(r -> ids.contains(r.key())).map(ConsumerRecord::key).distinct().count() == 500);
        Set<String> publishedIds = new HashSet<>();
        published.stream().filter(r -> ids.contains(r.key())).forEach(r -> publishedIds.add(r.key()));
        assertEquals(ids, publishedIds, "every member recorded during the outage has its joined event on the topic");
        assertTrue(published.stream().filter(r -> ids.contains(r.key()))
                .allMatch(r -> EventCatalogue.load().violations(r).isEmpty()));
    }

    private static String create(String givenName, String email) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"givenName":"%s","familyName":"Doe","email":"%s"}""".formatted(givenName, email))
                .post("/members").then().statusCode(201).extract().path("id");
    }
}
