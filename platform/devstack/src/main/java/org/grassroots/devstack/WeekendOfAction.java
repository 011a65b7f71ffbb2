package org.grassroots.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weekend of action, 26-27 November 2026, as demo data: at each of the 16 branches' locations a street stall
 * on Saturday (morning and afternoon sessions, with the question "what would you like to see changed?") and a
 * leafleting round on Sunday, all under one campaign; a few RSVPs from the public, check-ins and feedback. The
 * definition is data so that a test can check the campaign roll-up against it. The people are fictional.
 */
public final class WeekendOfAction {

    public static final String CAMPAIGN = "Weekend of Action";
    static final String QUESTION = "What would you like to see changed in politics and society?";

    /** The managed topic list: the party's policies and what people raise. */
    static final Map<String, String> TOPICS = new java.util.LinkedHashMap<>();

    static {
        TOPICS.put("minimum-wage", "A £16 minimum wage");
        TOPICS.put("public-ownership", "Public ownership of energy, water and transport");
        TOPICS.put("nhs", "A publicly funded NHS");
        TOPICS.put("universal-basic-income", "Universal Basic Income");
        TOPICS.put("green-new-deal", "A global green new deal");
        TOPICS.put("housing", "Housing");
        TOPICS.put("cost-of-living", "Cost of living");
    }

    private static final List<String> SLUGS = List.copyOf(TOPICS.keySet());
    private static final List<String> ANSWERS = List.of(
            "Wages that keep up with rent and food",
            "Bring the railways and water back into public hands",
            "Stop the waiting lists at the hospital",
            "A basic income so nobody falls through the cracks",
            "Proper investment in insulation and clean energy",
            "Council houses my children can afford",
            "Energy bills I can pay without choosing between heating and eating");

    /** A response collected at a stall: the answer and its topics. */
    record Response(String answer, List<String> topics) {
    }

    /**
     * A location: the branch hosting it, its town, postcode and coordinates; the RSVPs from the public for its
     * Saturday morning session, how many of them were checked in, and the feedback collected.
     */
    record Location(String branch, String town, String venue, String postcode, double latitude, double longitude,
                    int rsvps, int attended, List<Response> feedback) {
    }

    static final List<Location> LOCATIONS;

    static {
        Object[][] places = {
                {"Plymouth", "Plymouth", "Armada Way", "PL1 2AB", 50.3713, -4.1422},
                {"Newcastle", "Newcastle", "Grey's Monument", "NE1 4XF", 54.9738, -1.6132},
                {"Cambridge", "Cambridge", "Market Square", "CB1 2JD", 52.2053, 0.1218},
                {"Liverpool", "Liverpool", "Church Street", "L1 8JQ", 53.4045, -2.9810},
                {"London Camberwell", "London", "Camberwell Green", "SE5 8RS", 51.4740, -0.0930},
                {"London Camden", "London", "Camden High Street", "NW1 8NH", 51.5390, -0.1426},
                {"London Tottenham", "London", "Bruce Grove", "N17 6QA", 51.5880, -0.0690},
                {"Manchester", "Manchester", "Piccadilly Gardens", "M1 1AE", 53.4808, -2.2426},
                {"Nottingham", "Nottingham", "Old Market Square", "NG1 2BY", 52.9536, -1.1505},
                {"Bristol", "Bristol", "Broadmead", "BS1 4DJ", 51.4545, -2.5879},
                {"Exeter", "Exeter", "High Street", "EX1 1GA", 50.7236, -3.5275},
                {"Reading", "Reading", "Broad Street", "RG1 2AG", 51.4551, -0.9787},
                {"Colchester", "Colchester", "Culver Square", "CO1 1JN", 51.8892, 0.9042},
                {"Bury", "Bury", "Market Place", "BL9 0BW", 53.5933, -2.2966},
                {"Ashfield", "Sutton-in-Ashfield", "Market Place", "NG17 1AB", 53.1253, -1.2610},
                {"Wellingborough", "Wellingborough", "Market Square", "NN8 1AA", 52.3025, -0.6937}};
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < places.length; i++) {
            Object[] p = places[i];
            List<Response> feedback = new ArrayList<>();
            for (int k = 0; k < 2 + i % 3; k++) {
                int topic = (i + 2 * k) % SLUGS.size();
                List<String> topics = k % 2 == 0 ? List.of(SLUGS.get(topic))
                        : List.of(SLUGS.get(topic), SLUGS.get((topic + 3) % SLUGS.size()));
                feedback.add(new Response(ANSWERS.get(topic), topics));
            }
            locations.add(new Location((String) p[0], (String) p[1], (String) p[2], (String) p[3], (double) p[4],
                    (double) p[5], 2 + i % 2, 1, List.copyOf(feedback)));
        }
        LOCATIONS = List.copyOf(locations);
    }

    /** Two events per location: the Saturday stall and the Sunday leafleting. */
    static final int EVENTS_PER_LOCATION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String gatewayUrl;
    private final String token;
    private int created;

    private WeekendOfAction(HttpClient http, String gatewayUrl, String token) {
        this.http = http;
        this.gatewayUrl = gatewayUrl;
        this.token = token;
    }

    /**
     * Adds the weekend unless its campaign exists (then a previous start added it).
     *
     * @return how many records were created
     */
    static int seed(HttpClient http, String gatewayUrl, String adminToken) throws IOException, InterruptedException {
        return new WeekendOfAction(http, gatewayUrl, adminToken).seed();
    }

    private int seed() throws IOException, InterruptedException {
        for (Map.Entry<String, String> topic : TOPICS.entrySet()) {
            send("POST", "/feedback-topics", "{\"slug\":\"%s\",\"label\":\"%s\"}".formatted(topic.getKey(),
                    topic.getValue()), 201, 409);
        }
        HttpResponse<String> campaign = send("POST", "/campaigns", """
                {"name":"%s","description":"Coordinated street stalls and leafleting at 16 locations in England",
                 "startsOn":"2026-11-26","endsOn":"2026-11-27"}""".formatted(CAMPAIGN), 201, 409);
        if (campaign.statusCode() == 409) {
            return created;
        }
        String campaignId = id(campaign);
        Map<String, String> branches = branchIds();
        int n = 0;
        for (Location location : LOCATIONS) {
            String branch = branches.get(location.branch());
            String stall = event(location, branch, "street_stall", "Weekend of Action: street stall, "
                    + location.branch(), "2026-11-26T10:00:00Z", "2026-11-26T16:00:00Z");
            send("PUT", "/campaigns/" + campaignId + "/events/" + stall, null, 204);
            String morning = timeslot(stall, "Saturday morning", "2026-11-26T10:00:00Z", "2026-11-26T13:00:00Z", 6);
            String afternoon = timeslot(stall, "Saturday afternoon", "2026-11-26T13:00:00Z", "2026-11-26T16:00:00Z", 6);
            String question = id(send("POST", "/events/" + stall + "/questions",
                    "{\"text\":\"%s\"}".formatted(QUESTION), 201));
            for (int r = 0; r < location.rsvps(); r++) {
                n++;
                String rsvp = id(send("POST", "/events/" + stall + "/timeslots/" + morning + "/rsvps", """
                        {"givenName":"Demo","familyName":"Visitor %d","email":"demo.visitor.%d@example.org","consent":%s}"""
                        .formatted(n, n, r % 2 == 0), 201));
                if (r < location.attended()) {
                    send("POST", "/events/" + stall + "/rsvps/" + rsvp + "/check-in", null, 200);
                }
            }
            int k = 0;
            for (Response response : location.feedback()) {
                String topics = String.join(",", response.topics().stream().map(t -> "\"" + t + "\"").toList());
                send("POST", "/events/" + stall + "/feedback", """
                        {"questionId":"%s","timeslotId":"%s","answer":"%s","topics":[%s]}"""
                        .formatted(question, k++ % 2 == 0 ? morning : afternoon, response.answer(), topics), 201);
            }
            String leafleting = event(location, branch, "leafleting", "Weekend of Action: leafleting, "
                    + location.branch(), "2026-11-27T11:00:00Z", "2026-11-27T15:00:00Z");
            send("PUT", "/campaigns/" + campaignId + "/events/" + leafleting, null, 204);
            timeslot(leafleting, "Leafleting round", "2026-11-27T11:00:00Z", "2026-11-27T15:00:00Z", 8);
        }
        return created;
    }

    private String event(Location l, String branch, String type, String title, String startsAt, String endsAt)
            throws IOException, InterruptedException {
        return id(send("POST", "/events", """
                {"type":"%s","title":"%s","startsAt":"%s","endsAt":"%s","timeZone":"Europe/London",
                 "location":{"venue":"%s","town":"%s","postcode":"%s","latitude":%s,"longitude":%s},
                 "branchId":"%s","visibility":"public","status":"published"}"""
                .formatted(type, title, startsAt, endsAt, l.venue(), l.town(), l.postcode(), l.latitude(),
                        l.longitude(), branch), 201));
    }

    private String timeslot(String event, String label, String startsAt, String endsAt, int capacity)
            throws IOException, InterruptedException {
        return id(send("POST", "/events/" + event + "/timeslots", """
                {"label":"%s","startsAt":"%s","endsAt":"%s","capacity":%d}"""
                .formatted(label, startsAt, endsAt, capacity), 201));
    }

    private Map<String, String> branchIds() throws IOException, InterruptedException {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode branch : JSON.readTree(send("GET", "/branches?limit=200", null, 200).body()).path("items")) {
            ids.put(branch.path("name").asText(), branch.path("id").asText());
        }
        return ids;
    }

    private static String id(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("id").asText();
    }

    private HttpResponse<String> send(String method, String path, String json, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                if (status == 201) {
                    created++;
                }
                return response;
            }
        }
        throw new IOException("%s %s answered %d: %s".formatted(method, path, response.statusCode(), response.body()));
    }

    /**
     * What a campaign roll-up ({@code GET /campaigns/{id}/roll-up}) gets wrong against this definition: events,
     * per-location RSVPs, attendance and feedback, totals, and feedback by topic and by topic and location.
     * Empty when it adds up; shared by the tests that start the suite.
     */
    public static List<String> rollUpDifferences(JsonNode rollUp) {
        List<String> wrong = new ArrayList<>();
        Map<String, Long> byTopic = new TreeMap<>();
        Map<String, Long> byTopicAndLocation = new TreeMap<>();
        long rsvps = 0;
        long attended = 0;
        long responses = 0;
        for (Location location : LOCATIONS) {
            rsvps += location.rsvps();
            attended += location.attended();
            responses += location.feedback().size();
            for (Response answer : location.feedback()) {
                for (String topic : answer.topics()) {
                    byTopic.merge(topic, 1L, Long::sum);
                    byTopicAndLocation.merge(location.town() + "|" + location.postcode() + "|" + topic, 1L, Long::sum);
                }
            }
        }
        expect(wrong, "events", LOCATIONS.size() * EVENTS_PER_LOCATION, rollUp.path("events").path("total").asLong());
        expect(wrong, "locations", LOCATIONS.size(), rollUp.path("locations").size());
        for (Location location : LOCATIONS) {
            JsonNode place = null;
            for (JsonNode candidate : rollUp.path("locations")) {
                if (location.town().equals(candidate.path("town").asText())
                        && location.postcode().equals(candidate.path("postcode").asText())) {
                    place = candidate;
                }
            }
            if (place == null) {
                wrong.add(location.branch() + " is not a location of the roll-up");
                continue;
            }
            expect(wrong, location.branch() + " events", EVENTS_PER_LOCATION, place.path("events").asLong());
            expect(wrong, location.branch() + " RSVPs accepted", location.rsvps(), place.path("accepted").asLong());
            expect(wrong, location.branch() + " attended", location.attended(), place.path("attended").asLong());
            expect(wrong, location.branch() + " feedback", location.feedback().size(), place.path("feedback").asLong());
        }
        expect(wrong, "RSVPs accepted", rsvps, rollUp.path("rsvps").path("accepted").asLong());
        expect(wrong, "attended", attended, rollUp.path("attended").asLong());
        expect(wrong, "feedback responses", responses, rollUp.path("feedback").path("responses").asLong());
        Map<String, Long> reportedByTopic = new TreeMap<>();
        rollUp.path("feedback").path("byTopic").forEach(t -> reportedByTopic.put(t.path("topic").asText(),
                t.path("responses").asLong()));
        if (!byTopic.equals(reportedByTopic)) {
            wrong.add("feedback by topic: expected " + byTopic + ", got " + reportedByTopic);
        }
        Map<String, Long> reportedByPlace = new TreeMap<>();
        rollUp.path("feedback").path("byTopicAndLocation").forEach(t -> reportedByPlace.put(t.path("town").asText()
                + "|" + t.path("postcode").asText() + "|" + t.path("topic").asText(), t.path("responses").asLong()));
        if (!byTopicAndLocation.equals(reportedByPlace)) {
            wrong.add("feedback by topic and location: expected " + byTopicAndLocation + ", got " + reportedByPlace);
        }
        return wrong;
    }

    private static void expect(List<String> wrong, String what, long expected, long actual) {
        if (expected != actual) {
            wrong.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
