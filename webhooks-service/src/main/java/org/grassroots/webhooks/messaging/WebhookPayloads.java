package org.grassroots.webhooks.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.grassroots.kit.events.IncomingEvent;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The body of a delivery, {@code {"type","timestamp","data"}}, from a CloudEvent: {@code data} keeps only what
 * names or classifies (ids, statuses, kinds, times, flags) and adds links to the resources the ids name, so an
 * integrator reads the rest through the API, under its own scopes. What could be personal data is dropped by
 * default: a field passes only if it is an id ({@code ...Id}), a time ({@code ...At}) or on {@link #KEPT}. The
 * published payloads carry no names or addresses today; this keeps a field added to one from leaking here
 * (erasure digests of email addresses, roles, an event's postcode are dropped).
 */
public final class WebhookPayloads {

    /** Non-identifying fields of the catalogue's payloads worth a receiver's routing without a read. */
    static final Set<String> KEPT = Set.of("status", "fromStatus", "toStatus", "kind", "membershipType", "type",
            "visibility", "organisationType", "holdsOfficeForOurParty", "heldOfficeForOurPartyBefore",
            "effectiveDate", "attended", "walkIn", "channel", "purpose", "granted");

    /** Id fields and the API path of what they name. */
    static final Map<String, String> LINKS = Map.ofEntries(
            Map.entry("memberId", "/members/"), Map.entry("mergedMemberId", "/members/"),
            Map.entry("eventId", "/events/"), Map.entry("campaignId", "/campaigns/"),
            Map.entry("branchId", "/branches/"), Map.entry("officeHolderId", "/office-holders/"),
            Map.entry("postId", "/posts/"), Map.entry("organisationId", "/organisations/"),
            Map.entry("partyId", "/parties/"));

    private WebhookPayloads() {
    }

    /** Whether a (scalar) field of an event's payload is delivered: an id, a time, or on {@link #KEPT}. */
    public static boolean delivered(String field) {
        return field.endsWith("Id") || field.endsWith("At") || KEPT.contains(field);
    }

    /** The API path prefix of what an id field names (e.g. {@code /members/} for memberId), or null. */
    public static String linkPrefix(String idField) {
        return LINKS.get(idField);
    }

    /** The name under {@code data.links} of an id field's link: memberId -> member. */
    public static String linkName(String idField) {
        return idField.substring(0, idField.length() - 2);
    }

    /** The JSON body for this event; the timestamp is the event's time (or {@code now} if it has none). */
    public static String body(IncomingEvent event, OffsetDateTime now, ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", (event.time() == null ? now : event.time()).toString());
        body.set("data", data(event.data(), mapper));
        return body.toString();
    }

    static ObjectNode data(JsonNode source, ObjectMapper mapper) {
        ObjectNode data = mapper.createObjectNode();
        ObjectNode links = mapper.createObjectNode();
        if (source != null && source.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (!value.isValueNode() || !delivered(name)) {
                    continue;
                }
                data.set(name, value);
                String path = LINKS.get(name);
                if (path != null && value.isTextual()) {
                    links.put(linkName(name), path + value.asText());
                }
            }
        }
        data.set("links", links);
        return data;
    }
}
