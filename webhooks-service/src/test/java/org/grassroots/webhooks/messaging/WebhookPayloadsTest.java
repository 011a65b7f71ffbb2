package org.grassroots.webhooks.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.webhooks.domain.EventScopes;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void idsStatusesAndTimesPassWithLinksAndAnythingElseIsDropped() throws Exception {
        UUID member = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        JsonNode published = JSON.readTree("""
                {"memberId":"%s","status":"active","membershipType":"member","branchId":"%s",
                 "joinedAt":"2001-02-03T04:05:06Z","givenName":"Ada","email":"ada@example.org",
                 "emailDigests":["%s"],"roles":["councillor"],"address":{"postcode":"M1 1AA"}}"""
                .formatted(member, branch, "a".repeat(64)));
        OffsetDateTime time = OffsetDateTime.parse("2001-02-03T04:05:07Z");
        IncomingEvent event = new IncomingEvent(UUID.randomUUID(), EventTypes.MEMBER_JOINED, "/members-service",
                member.toString(), time, "grassroots.members.v1", member.toString(), published);

        JsonNode body = JSON.readTree(WebhookPayloads.body(event, OffsetDateTime.now(), JSON));

        assertEquals(EventTypes.MEMBER_JOINED, body.get("type").asText());
        assertEquals(time.toString(), body.get("timestamp").asText());
        JsonNode data = body.get("data");
        assertEquals(member.toString(), data.get("memberId").asText());
        assertEquals("active", data.get("status").asText());
        assertEquals("member", data.get("membershipType").asText());
        assertEquals("2001-02-03T04:05:06Z", data.get("joinedAt").asText());
        assertEquals("/members/" + member, data.at("/links/member").asText());
        assertEquals("/branches/" + branch, data.at("/links/branch").asText());
        for (String dropped : new String[]{"givenName", "email", "emailDigests", "roles", "address"}) {
            assertFalse(data.has(dropped), dropped + " is not passed on");
        }
        assertFalse(body.toString().contains("Ada") || body.toString().contains("example.org"));
    }

    @Test
    void anEndpointReceivesOnlyTheDomainsItsOwnersReadScopesCover() {
        assertTrue(EventScopes.allows(null, EventTypes.OFFICE_HOLDER_JOINED), "an admin's: everything");
        String[] members = {"members:read", "webhooks:write"};
        assertTrue(EventScopes.allows(members, EventTypes.MEMBER_JOINED));
        assertTrue(EventScopes.allows(members, EventTypes.PERSON_ERASED));
        assertFalse(EventScopes.allows(members, EventTypes.EVENT_SCHEDULED));
        assertTrue(EventScopes.allows(new String[]{"events:write"}, EventTypes.EVENT_CANCELLED));
        assertTrue(EventScopes.allows(new String[]{"elections:read"}, EventTypes.OFFICE_HOLDER_LEFT));
        assertFalse(EventScopes.allows(new String[]{"webhooks:write"}, EventTypes.MEMBER_JOINED));
        assertFalse(EventScopes.allows(new String[]{"members:export"}, EventTypes.MEMBER_JOINED),
                "only read (or write) scopes read");
    }
}
