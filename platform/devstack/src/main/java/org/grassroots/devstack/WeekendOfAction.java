package org.grassroots.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Weekend of Action as demo data, on whatever day the demo is seeded: the coming weekend (the next Saturday and
 * Sunday) open for RSVPs, and the one before it already held. At each of the 16 branches' locations a street stall on
 * Saturday (morning and afternoon sessions, with the question "what would you like to see changed?") and a
 * leafleting round on Sunday, each weekend its own campaign. The held weekend is recorded as organisers do after the
 * fact: RSVPs from the sign-up sheet, check-ins, walk-ins and the feedback cards typed in, so its roll-up has real
 * numbers. The definition is data so that a test can check the roll-up against it. The people are fictional.
 */
public final class WeekendOfAction {

    /** Where the stalls are: the weekend's days and times are local to it. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final String QUESTION = "What would you like to see changed in politics and society?";

    /**
     * One weekend: its Saturday. Its campaign is named with its dates, so the held and the coming weekend are two
     * campaigns and a later start adds the weekends of its own days.
     */
    public record Weekend(LocalDate saturday) {

        public LocalDate sunday() {
            return saturday.plusDays(1);
        }

        public String campaignName() {
            DateTimeFormatter day = DateTimeFormatter.ofPattern("d", Locale.UK);
            DateTimeFormatter dayMonth = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
            DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
            LocalDate sunday = sunday();
            String dates;
            if (saturday.getMonth() == sunday.getMonth()) {
                dates = saturday.format(day) + "-" + sunday.format(full);
            } else if (saturday.getYear() == sunday.getYear()) {
                dates = saturday.format(dayMonth) + " - " + sunday.format(full);
            } else {
                dates = saturday.format(full) + " - " + sunday.format(full);
            }
            return "Weekend of Action, " + dates;
        }

        /** A time on the Saturday or the Sunday, as the API takes it (ISO-8601 with the offset of the day). */
        String at(LocalDate date, int hour) {
            return ZonedDateTime.of(date, LocalTime.of(hour, 0), ZONE).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    /** The next Saturday and Sunday after today: every timeslot of it is still to come. */
    public static Weekend coming(Clock clock) {
        return new Weekend(LocalDate.now(clock.withZone(ZONE)).with(TemporalAdjusters.next(DayOfWeek.SATURDAY)));
    }

    /** The last weekend that is wholly over: its Sunday is before today. */
    /** @return how many branches' locations each weekend visits */
    public static int locationCount() {
        return LOCATIONS.size();
    }

    public static Weekend held(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate saturday = coming(clock).saturday().minusWeeks(1);
        return new Weekend(saturday.plusDays(1).isBefore(today) ? saturday : saturday.minusWeeks(1));
    }

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
     * A location: the branch hosting it, its town, postcode and coordinates; at the held weekend, the RSVPs from the
     * public for its Saturday morning session, how many of them were checked in, the walk-ins (people who came
     * without an RSVP) and the feedback collected.
     */
    record Location(String branch, String town, String venue, String postcode, double latitude, double longitude,
                    int rsvps, int attended, int walkIns, List<Response> feedback) {
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
                    (double) p[5], 2 + i % 2, 1, i % 3 == 0 ? 2 : 1, List.copyOf(feedback)));
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
     * Adds the held and the coming weekend of the clock's day, each unless its campaign exists (then a previous
     * start added it).
     *
     * @return how many records were created
     */
    static int seed(HttpClient http, String gatewayUrl, String adminToken, Clock clock)
            throws IOException, InterruptedException {
        WeekendOfAction demo = new WeekendOfAction(http, gatewayUrl, adminToken);
        demo.topics();
        demo.weekend(held(clock), true);
        demo.weekend(coming(clock), false);
        return demo.created;
    }

    private void topics() throws IOException, InterruptedException {
        for (Map.Entry<String, String> topic : TOPICS.entrySet()) {
            send("POST", "/feedback-topics", "{\"slug\":\"%s\",\"label\":\"%s\"}".formatted(topic.getKey(),
                    topic.getValue()), 201, 409);
        }
    }

    /**
     * One weekend's campaign and events. A held one gets what its organisers recorded afterwards: the sign-up
     * sheet's RSVPs (organisers may record them once a timeslot has started), check-ins, walk-ins and the feedback
     * cards. A coming one gets an RSVP from the public at each stall's morning session.
     */
    private void weekend(Weekend weekend, boolean held) throws IOException, InterruptedException {
        HttpResponse<String> campaign = send("POST", "/campaigns", """
                {"name":"%s","description":"Coordinated street stalls and leafleting at 16 locations in England",
                 "startsOn":"%s","endsOn":"%s"}""".formatted(weekend.campaignName(), weekend.saturday(),
                weekend.sunday()), 201, 409);
        if (campaign.statusCode() == 409) {
            return;
        }
        String campaignId = id(campaign);
        Map<String, String> branches = branchIds();
        String visitor = held ? "visitor" : "guest";
        int n = 0;
        for (Location location : LOCATIONS) {
            String branch = branches.get(location.branch());
            LocalDate saturday = weekend.saturday();
            String stall = event(location, branch, "street_stall", "Weekend of Action: street stall, "
                    + location.branch(), weekend.at(saturday, 10), weekend.at(saturday, 16));
            send("PUT", "/campaigns/" + campaignId + "/events/" + stall, null, 204);
            String morning = timeslot(stall, "Saturday morning", weekend.at(saturday, 10), weekend.at(saturday, 13), 6);
            String afternoon = timeslot(stall, "Saturday afternoon", weekend.at(saturday, 13),
                    weekend.at(saturday, 16), 6);
            String question = id(send("POST", "/events/" + stall + "/questions",
                    "{\"text\":\"%s\"}".formatted(QUESTION), 201));
            int rsvps = held ? location.rsvps() : 1;
            for (int r = 0; r < rsvps; r++) {
                n++;
                String rsvp = id(send("POST", "/events/" + stall + "/timeslots/" + morning + "/rsvps",
                        person("Visitor", n, visitor, r % 2 == 0), 201));
                if (held && r < location.attended()) {
                    send("POST", "/events/" + stall + "/rsvps/" + rsvp + "/check-in", null, 200);
                }
            }
            if (held) {
                for (int w = 0; w < location.walkIns(); w++) {
                    n++;
                    send("POST", "/events/" + stall + "/timeslots/" + (w % 2 == 0 ? afternoon : morning)
                            + "/walk-ins", person("Walk-in", n, "walkin", w % 2 == 0), 201);
                }
                int k = 0;
                for (Response response : location.feedback()) {
                    String topics = String.join(",", response.topics().stream().map(t -> "\"" + t + "\"").toList());
                    send("POST", "/events/" + stall + "/feedback", """
                            {"questionId":"%s","timeslotId":"%s","answer":"%s","topics":[%s]}"""
                            .formatted(question, k++ % 2 == 0 ? morning : afternoon, response.answer(), topics), 201);
                }
            }
            LocalDate sunday = weekend.sunday();
            String leafleting = event(location, branch, "leafleting", "Weekend of Action: leafleting, "
                    + location.branch(), weekend.at(sunday, 11), weekend.at(sunday, 15));
            send("PUT", "/campaigns/" + campaignId + "/events/" + leafleting, null, 204);
            timeslot(leafleting, "Leafleting round", weekend.at(sunday, 11), weekend.at(sunday, 15), 8);
        }
    }

    /** A fictional member of the public: numbered, with an example.org address. */
    private static String person(String familyName, int n, String mailbox, boolean consent) {
        return """
                {"givenName":"Demo","familyName":"%s %d","email":"demo.%s.%d@example.org","consent":%s}"""
                .formatted(familyName, n, mailbox, n, consent);
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
     * What the held weekend's campaign roll-up ({@code GET /campaigns/{id}/roll-up}) gets wrong against this
     * definition: events, per-location RSVPs, attendance (check-ins and walk-ins), walk-ins and feedback, totals, and feedback by topic and by topic and location.
     * Empty when it adds up; shared by the tests that start the suite.
     */
    public static List<String> rollUpDifferences(JsonNode rollUp) {
        List<String> wrong = new ArrayList<>();
        Map<String, Long> byTopic = new TreeMap<>();
        Map<String, Long> byTopicAndLocation = new TreeMap<>();
        long rsvps = 0;
        long attended = 0;
        long walkIns = 0;
        long responses = 0;
        for (Location location : LOCATIONS) {
            rsvps += location.rsvps();
            attended += location.attended() + location.walkIns();
            walkIns += location.walkIns();
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
            expect(wrong, location.branch() + " attended", location.attended() + location.walkIns(),
                    place.path("attended").asLong());
            expect(wrong, location.branch() + " walk-ins", location.walkIns(), place.path("walkIns").asLong());
            expect(wrong, location.branch() + " feedback", location.feedback().size(), place.path("feedback").asLong());
        }
        expect(wrong, "RSVPs accepted", rsvps, rollUp.path("rsvps").path("accepted").asLong());
        expect(wrong, "attended", attended, rollUp.path("attended").asLong());
        expect(wrong, "walk-ins", walkIns, rollUp.path("walkIns").asLong());
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
