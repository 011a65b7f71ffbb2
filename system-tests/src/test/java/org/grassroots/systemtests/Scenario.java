package org.grassroots.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.grassroots.devstack.WeekendOfAction;
import org.grassroots.systemtests.Gateway.Answer;
import org.grassroots.testing.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.grassroots.systemtests.Gateway.expect;

/**
 * The product brief's scenario through the gateway, as the party's tools would drive it. Every step checks the
 * answer; the roll-ups and cross-service outcomes are recorded in the report as assertions. People are fictional.
 */
final class Scenario {

    static final String PHASE = "scenario";

    private final Gateway gateway;
    private final Report report;
    private final String admin;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** What the scenario created, for the later phases. */
    final List<String> joined = new ArrayList<>();
    String erasedMemberId;
    /** The Manchester street stall's event, morning timeslot and feedback question (once the weekend ran). */
    private String stall;
    private String stallMorning;
    private String stallQuestion;
    List<String> erasedNeedles = List.of();
    String councillorMemberId;
    String candidateMemberId;

    private final Projections projections;

    Scenario(Gateway gateway, Report report, String admin, Projections projections) {
        this.projections = projections;
        this.gateway = gateway;
        this.report = report;
        this.admin = admin;
    }

    void weekendOfActionRollUpAddsUp() {
        String held = campaignId(WeekendOfAction.held(TestClock.clock()));
        JsonNode rollUp = expect(200, gateway.get("scenario", "/campaigns/" + held + "/roll-up", admin),
                "the held weekend's roll-up").json();
        report.check(PHASE, "the held Weekend of Action's roll-up (16 locations, 32 events, RSVPs, check-ins, walk-ins, "
                + "feedback by topic and location) adds up to its definition", WeekendOfAction.rollUpDifferences(rollUp));
        String coming = campaignId(WeekendOfAction.coming(TestClock.clock()));
        JsonNode london = gateway.get("scenario", "/events?campaign=" + coming + "&town=London", null).json();
        report.check(PHASE, "the public finds the coming weekend's 6 London events", london.path("items").size() == 6,
                "London events: " + london.path("items").size());
    }

    String campaignId(WeekendOfAction.Weekend weekend) {
        for (JsonNode c : gateway.get("scenario", "/campaigns?limit=200", null).json().path("items")) {
            if (weekend.campaignName().equals(c.path("name").asText())) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("the campaign " + weekend.campaignName() + " is missing");
    }

    /** The weekend's Manchester street stall. */
    private String manchesterStall(String campaign) {
        for (JsonNode e : gateway.get("scenario", "/events?campaign=" + campaign + "&town=Manchester", null).json()
                .path("items")) {
            if ("street_stall".equals(e.path("type").asText())) {
                return e.path("id").asText();
            }
        }
        throw new AssertionError("no Manchester street stall in the weekend");
    }

    String branchId(String name) {
        for (JsonNode b : gateway.get("scenario", "/branches?limit=200", null).json().path("items")) {
            if (name.equals(b.path("name").asText())) {
                return b.path("id").asText();
            }
        }
        throw new AssertionError("branch " + name + " is missing");
    }

    void partyAndBranches() {
        JsonNode branches = gateway.get("scenario", "/branches?limit=200", null).json().path("items");
        report.check(PHASE, "the party has a branch at each of the weekend's 16 locations", branches.size() >= 16,
                "branches: " + branches.size());
        expect(201, gateway.post("scenario", "/branches", admin, """
                {"name":"West Yorkshire %s","postcodeDistricts":["WF%d"]}""".formatted(run, 1 + Math.abs(run.hashCode() % 15))),
                "a new branch");
    }

    /** Members and supporters join, each with consent to campaigning email; one withdraws it again. */
    void membersAndSupportersJoinWithConsent() {
        String[][] people = {{"Aoife", "Brennan", "member", "M1 1AA"}, {"Tomasz", "Wojcik", "supporter", "M14 5RG"},
                {"Precious", "Adeyemi", "member", "NG1 5FS"}, {"Harriet", "Lowe", "supporter", "BS1 4DJ"},
                {"Callum", "Reid", "member", "NE1 7RU"}, {"Yusuf", "Demir", "supporter", "L1 8JQ"},
                {"Nell", "Garside", "member", "WF1 2AP"}, {"Imogen", "Pike", "supporter", "EX4 3SR"}};
        for (String[] p : people) {
            String email = (p[0] + "." + p[1] + "." + run + "@example.org").toLowerCase();
            Answer created = expect(201, gateway.post("scenario", "/members", admin, """
                    {"givenName":"%s","familyName":"%s","email":"%s","postcode":"%s","membershipType":"%s",
                     "phone":"07700 900%03d","origin":"system test"}"""
                    .formatted(p[0], p[1], email, p[3], p[2], joined.size())), "joining: " + p[0]);
            String id = created.id();
            joined.add(id);
            ok(gateway.post("scenario", "/members/" + id + "/consents", admin, """
                    {"channel":"email","purpose":"campaigning","granted":true,"lawfulBasis":"consent",
                     "source":"signup form at the stall"}"""), "consent of " + p[0]);
        }
        String withdrawing = joined.get(1);
        ok(gateway.post("scenario", "/members/" + withdrawing + "/consents", admin, """
                {"channel":"email","purpose":"campaigning","granted":false,"lawfulBasis":"consent",
                 "source":"unsubscribe link"}"""), "a withdrawal");
        String list = gateway.get("scenario", "/members?consent=email:campaigning&limit=200", admin).body();
        List<String> missing = joined.stream().filter(id -> !id.equals(withdrawing) && !list.contains(id)).toList();
        report.check(PHASE, "the 7 people who consented are listed for campaigning email, the one who withdrew is not",
                missing.isEmpty() && !list.contains(withdrawing),
                "missing " + missing + (list.contains(withdrawing) ? ", withdrawn " + withdrawing + " still listed" : ""));
    }

    /**
     * After the held weekend its Manchester organisers type in the sign-up sheet and the cards: a member's RSVP
     * (recorded late), their check-in, a member of the public who walked up, and a feedback card; each shows in the
     * roll-up. The coming weekend's Manchester stall is where the later phases RSVP.
     */
    void weekendRsvpCheckInAndFeedbackShowInTheRollUp() {
        String campaign = campaignId(WeekendOfAction.held(TestClock.clock()));
        JsonNode before = gateway.get("scenario", "/campaigns/" + campaign + "/roll-up", admin).json();
        String stall = manchesterStall(campaign);
        String morning = first(gateway.get("scenario", "/events/" + stall + "/timeslots", admin).json());
        String member = joined.get(0);
        awaitMemberKnown(member);
        report.check(PHASE, "the public cannot RSVP to a stall that is over", gateway.post("scenario",
                "/events/" + stall + "/timeslots/" + morning + "/rsvps", null, """
                {"givenName":"Late","familyName":"Comer","email":"late.%s@example.org","consent":false}"""
                        .formatted(run)).status() == 422, "a public RSVP to a past timeslot was not refused");
        String rsvp = ok(gateway.post("scenario", "/events/" + stall + "/timeslots/" + morning + "/rsvps", admin,
                "{\"memberId\":\"%s\"}".formatted(member)), "a member's RSVP from the sign-up sheet").id();
        ok(gateway.post("scenario", "/events/" + stall + "/rsvps/" + rsvp + "/check-in", admin, null), "check-in");
        ok(gateway.post("scenario", "/events/" + stall + "/timeslots/" + morning + "/walk-ins", admin, """
                {"givenName":"Walk","familyName":"Up","email":"walk.up.%s@example.org","consent":true}"""
                .formatted(run)), "a walk-in");
        String question = first(gateway.get("scenario", "/events/" + stall + "/questions", admin).json());
        ok(gateway.post("scenario", "/events/" + stall + "/feedback", admin, """
                {"questionId":"%s","timeslotId":"%s","answer":"Buses that run after 7pm","topics":["public-ownership"]}"""
                .formatted(question, morning)), "feedback from a card");
        JsonNode after = gateway.get("scenario", "/campaigns/" + campaign + "/roll-up", admin).json();
        List<String> wrong = new ArrayList<>();
        delta(wrong, "RSVPs accepted", before.path("rsvps").path("accepted"), after.path("rsvps").path("accepted"), 1);
        delta(wrong, "attended", before.path("attended"), after.path("attended"), 2);
        delta(wrong, "walk-ins", before.path("walkIns"), after.path("walkIns"), 1);
        delta(wrong, "feedback responses", before.path("feedback").path("responses"),
                after.path("feedback").path("responses"), 1);
        report.check(PHASE, "a late RSVP, its check-in, a walk-in and a feedback card each show in the held weekend's "
                + "roll-up (accepted +1, attended +2, walk-ins +1, feedback +1)", wrong);

        this.stall = manchesterStall(campaignId(WeekendOfAction.coming(TestClock.clock())));
        this.stallMorning = first(gateway.get("scenario", "/events/" + this.stall + "/timeslots", admin).json());
        this.stallQuestion = first(gateway.get("scenario", "/events/" + this.stall + "/questions", admin).json());
    }

    /** The first item's id of a list answer (a page with items, or a plain array). */
    private static String first(JsonNode list) {
        JsonNode items = list.has("items") ? list.path("items") : list;
        String id = items.path(0).path("id").asText();
        if (id.isEmpty()) {
            throw new AssertionError("empty list: " + list);
        }
        return id;
    }

    private static void delta(List<String> wrong, String what, JsonNode before, JsonNode after, long expected) {
        if (after.asLong() - before.asLong() != expected) {
            wrong.add(what + ": " + before.asLong() + " -> " + after.asLong() + " (expected +" + expected + ")");
        }
    }

    /** The first conference, in Manchester next October (the coming 16-17 October), with its speakers. */
    void manchesterConferenceWithSpeakers() {
        String branch = branchId("Manchester");
        java.time.LocalDate opens = TestClock.today().withMonth(10).withDayOfMonth(16);
        if (!opens.isAfter(TestClock.today())) {
            opens = opens.plusYears(1);
        }
        String event = ok(gateway.post("scenario", "/events", admin, """
                {"type":"conference","title":"Party conference %s","startsAt":"%sT09:30:00+01:00",
                 "endsAt":"%sT17:00:00+01:00","timeZone":"Europe/London",
                 "location":{"venue":"Conference centre","town":"Manchester","postcode":"M2 3GX","latitude":53.4764,
                  "longitude":-2.2466},"branchId":"%s","visibility":"public","status":"published"}"""
                .formatted(run, opens, opens.plusDays(1), branch)), "the conference").id();
        String[][] speakers = {
                {"R. Example", "Bakers, Food and Allied Workers' Union", "National President", "Opening plenary"},
                {"S. Sample", "Women's rights campaign", "Campaigner", "Women's rights"},
                {"T. Placeholder", "Campaign group one", "Representative", "Campaigns panel"},
                {"U. Fictional", "Campaign group two", "Representative", "Campaigns panel"}};
        for (String[] s : speakers) {
            ok(gateway.post("scenario", "/events/" + event + "/speakers", admin, """
                    {"name":"%s","organisation":"%s","role":"%s","session":"%s"}""".formatted((Object[]) s)),
                    "speaker " + s[0]);
        }
        Answer listed = gateway.get("scenario", "/events/" + event + "/speakers", null);
        String body = listed.body();
        int last = -1;
        List<String> wrong = new ArrayList<>();
        for (String[] s : speakers) {
            int at = body.indexOf(s[0]);
            if (at < 0) {
                wrong.add(s[0] + " not listed");
            } else if (at < last) {
                wrong.add(s[0] + " out of order");
            }
            last = Math.max(last, at);
        }
        if (listed.status() != 200) {
            wrong.add("speakers answer " + listed.status());
        }
        report.check(PHASE, "the Manchester conference lists its 4 speakers publicly, in order", wrong);
        String found = gateway.get("scenario", "/events?town=Manchester&type=conference", null).body();
        report.check(PHASE, "public event search finds the conference", found.contains(event), "not found: " + found);
    }

    /** A councillor crosses the floor from Labour to us: one record, two affiliations, a councillor in members-service. */
    void councillorCrossesTheFloor() {
        councillorMemberId = joined.get(6);
        awaitMemberKnown(councillorMemberId);
        String ours = partyId("PP9999");
        Answer labourAnswer = gateway.post("scenario", "/parties", admin, """
                {"name":"Labour Party","ecId":"PP53"}""");
        String labour = labourAnswer.status() == 201 ? labourAnswer.id() : partyId("PP53");
        String council = ok(gateway.post("scenario", "/organisations", admin, """
                {"slug":"wy-%s","name":"A West Yorkshire council","organisationType":"metropolitan-council"}""".formatted(run)),
                "a council").id();
        String ward = ok(gateway.post("scenario", "/posts", admin, """
                {"organisationId":"%s","slug":"ward-%s","name":"A ward","kind":"ward","seats":3}""".formatted(council, run)),
                "a ward").id();
        Answer created = ok(gateway.post("scenario", "/office-holders", admin, """
                {"name":"Nell Garside","postId":"%s","memberId":"%s","affiliations":[{"partyId":"%s","startDate":"2019-05-02"}]}"""
                .formatted(ward, councillorMemberId, labour)), "a Labour councillor");
        String holder = created.json().path("officeHolder").path("id").asText(created.id());
        ok(gateway.post("scenario", "/office-holders/" + holder + "/party-changes", admin, """
                {"partyId":"%s","date":"2021-08-01","reason":"Crossed the floor from Labour"}""".formatted(ours)),
                "crossing the floor");
        JsonNode record = gateway.get("scenario", "/office-holders/" + holder, null).json();
        report.check(PHASE, "the councillor who crossed the floor is one record with two dated affiliations",
                record.path("affiliations").size() == 2 && record.toString().contains("changed_party"), record.toString());
        report.check(PHASE, "members-service makes the councillor who crossed to us a councillor (elections-service's event)",
                await(() -> gateway.get("scenario", "/members/" + councillorMemberId, admin).body().contains("councillor"),
                        Duration.ofSeconds(15)), "no councillor role after 15 s: "
                        + gateway.get("scenario", "/members/" + councillorMemberId, admin).body());
        report.check(PHASE, "the public record of the councillor carries no member link",
                !record.toString().contains(councillorMemberId), record.toString());
    }

    private String partyId(String ecId) {
        return gateway.get("scenario", "/parties?ecId=" + ecId, null).json().path("items").path(0).path("id").asText();
    }

    /** The 2022 local elections: internal selection, candidacies, the result, and our candidate taking office. */
    void localElections2022() {
        candidateMemberId = joined.get(2);
        awaitMemberKnown(candidateMemberId);
        String ours = partyId("PP9999");
        String conservatives = partyId("PP52");
        String suffolk = null;
        for (JsonNode o : gateway.get("scenario", "/organisations?limit=200", null).json().path("items")) {
            if ("suffolk".equals(o.path("slug").asText())) {
                suffolk = o.path("id").asText();
            }
        }
        if (suffolk == null) {
            throw new AssertionError("the demo's Suffolk County Council is missing");
        }
        String division = "div-" + run;
        String post = ok(gateway.post("scenario", "/posts", admin, """
                {"organisationId":"%s","slug":"%s","name":"A division","kind":"division","seats":1}""".formatted(suffolk, division)),
                "a division").id();
        String ballot = "local.suffolk." + division + ".2022-05-05";
        ok(gateway.post("scenario", "/ballots", admin, """
                {"ballotPaperId":"%s","postId":"%s"}""".formatted(ballot, post)), "the ballot");
        String candidacy = ok(gateway.post("scenario", "/candidacies", admin, """
                {"ballotPaperId":"%s","memberId":"%s","name":"Precious Adeyemi","route":"applied"}"""
                .formatted(ballot, candidateMemberId)), "an application to stand").id();
        for (String stage : List.of("shortlisted", "selected", "standing")) {
            ok(gateway.post("scenario", "/candidacies/" + candidacy + "/stage-changes", admin,
                    "{\"stage\":\"%s\",\"reason\":\"selection meeting\"}".formatted(stage)), "stage " + stage);
        }
        String rival = ok(gateway.post("scenario", "/ballots/" + ballot + "/candidates", admin, """
                {"name":"Rival Example","partyId":"%s"}""".formatted(conservatives)), "a rival candidate").id();
        ok(gateway.put("scenario", "/ballots/" + ballot + "/result", admin, """
                {"turnout":2100,"spoiltBallots":12,"candidates":[
                 {"candidacyId":"%s","votes":1150,"elected":true},{"candidacyId":"%s","votes":938,"elected":false}]}"""
                .formatted(candidacy, rival)), "the result");
        String result = gateway.get("scenario", "/ballots/" + ballot + "/result", null).body();
        // Matched with their field name: a bare "938" can occur in an id.
        int ourVotes = result.indexOf("\"votes\":1150");
        int rivalVotes = result.indexOf("\"votes\":938");
        report.check(PHASE, "the 2022 result lists our elected candidate first",
                ourVotes >= 0 && rivalVotes > ourVotes, result);
        String partyResults = gateway.get("scenario", "/elections/local.suffolk.2022-05-05/party-results", null).body();
        report.check(PHASE, "party results of the Suffolk 2022 election count our candidate's votes",
                partyResults.contains(ours) && partyResults.contains(":1150"), partyResults);
        ok(gateway.post("scenario", "/office-holders", admin, """
                {"name":"Precious Adeyemi","postId":"%s","memberId":"%s","affiliations":[{"partyId":"%s","startDate":"2022-05-06"}]}"""
                .formatted(post, candidateMemberId, ours)), "our councillor takes office");
        report.check(PHASE, "our elected candidate becomes a councillor in members-service",
                await(() -> gateway.get("scenario", "/members/" + candidateMemberId, admin).body().contains("councillor"),
                        Duration.ofSeconds(15)), "no councillor role after 15 s");
    }

    /** The street stall's event, its morning timeslot and its feedback question, for later phases. */
    List<String> stallEventTimeslotAndQuestion() {
        return List.of(stall, stallMorning, stallQuestion);
    }

    /** A supporter asks to be erased. */
    void erasureRequest() {
        erasedMemberId = joined.get(7);
        awaitMemberKnown(erasedMemberId);
        JsonNode person = gateway.get("scenario", "/members/" + erasedMemberId, admin).json();
        String email = person.path("email").asText();
        erasedNeedles = List.of(email, "Imogen", "Pike", "+447700900007");
        // The supporter had also RSVP'd and left feedback as a member of the public: copies of their name and
        // contact details in events-service without their member id, which the erasure must find too.
        ok(gateway.post("scenario", "/events/" + stall + "/timeslots/" + stallMorning + "/rsvps", null, """
                {"givenName":"Imogen","familyName":"Pike","email":"%s","consent":true}""".formatted(email.toUpperCase())),
                "the supporter's public RSVP");
        ok(gateway.post("scenario", "/events/" + stall + "/feedback", admin, """
                {"questionId":"%s","timeslotId":"%s","answer":"Buses that run on Sundays","topics":["public-ownership"],
                 "contact":{"consent":true,"name":"Imogen Pike","email":"%s","phone":"+447700900007"}}"""
                .formatted(stallQuestion, stallMorning, email)), "the supporter's feedback with contact details");
        ok(gateway.post("scenario", "/members/" + erasedMemberId + "/erasure", admin, ""), "the erasure");
        report.check(PHASE, "the erased member is gone from members-service",
                gateway.get("scenario", "/members/" + erasedMemberId, admin).status() / 100 == 4, "still readable");
    }

    /** The member projections are eventual: wait until both consumers know a member before using it there. */
    private void awaitMemberKnown(String memberId) {
        if (!await(() -> projections.knows(memberId), Duration.ofSeconds(20))) {
            throw new AssertionError("member " + memberId + " did not reach the other services' projections in 20 s");
        }
    }

    static boolean await(Supplier<Boolean> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.get()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static Answer ok(Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError(what + ": expected 2xx, got " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
