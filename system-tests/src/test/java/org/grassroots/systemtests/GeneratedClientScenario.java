package org.grassroots.systemtests;

import org.grassroots.client.ApiClient;
import org.grassroots.client.ApiException;
import org.grassroots.client.api.BallotsApi;
import org.grassroots.client.api.CampaignsApi;
import org.grassroots.client.api.CandidaciesApi;
import org.grassroots.client.api.EventsApi;
import org.grassroots.client.api.FeedbackApi;
import org.grassroots.client.api.MembersApi;
import org.grassroots.client.api.OrganisationsApi;
import org.grassroots.client.api.PostsApi;
import org.grassroots.client.model.CampaignRollUp;
import org.grassroots.client.model.CampaignRollUpTopicCount;
import org.grassroots.client.model.CampaignView;
import org.grassroots.client.model.CandidacyRecord;
import org.grassroots.client.model.CandidateView;
import org.grassroots.client.model.EventSummary;
import org.grassroots.client.model.FeedbackTopicView;
import org.grassroots.client.model.Member;
import org.grassroots.client.model.NewBallotRequest;
import org.grassroots.client.model.NewCandidacyRequest;
import org.grassroots.client.model.NewCandidateRequest;
import org.grassroots.client.model.NewMember;
import org.grassroots.client.model.NewPostRequest;
import org.grassroots.client.model.NewRsvp;
import org.grassroots.client.model.OrganisationView;
import org.grassroots.client.model.ResultCountRequest;
import org.grassroots.client.model.ResultRequest;
import org.grassroots.client.model.ResultView;
import org.grassroots.client.model.Route;
import org.grassroots.client.model.RsvpStatus;
import org.grassroots.client.model.RsvpView;
import org.grassroots.client.model.SelectionStage;
import org.grassroots.client.model.StageChangeRequest;
import org.grassroots.client.model.TimeslotView;
import org.grassroots.devstack.WeekendOfAction;
import org.grassroots.testing.TestClock;
import org.grassroots.testing.contract.ContractCheckedHttpClient;
import org.grassroots.testing.contract.OpenApiContract;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A short scenario driven only through the Java client generated from the served document (clients/java), as a
 * third-party tool would: join, RSVP to the coming Weekend of Action, declare a result, read the held weekend's
 * roll-up. The generated code deserialises every answer into its typed models, so a document that does not
 * describe what the suite sends (a missing field, a wrong type, an undeclared enum value) fails here.
 */
final class GeneratedClientScenario {

    static final String PHASE = "generated client";

    private final String gatewayUrl;
    private final String adminToken;
    private final OpenApiContract contract;

    GeneratedClientScenario(String gatewayUrl, String adminToken, OpenApiContract contract) {
        this.gatewayUrl = gatewayUrl;
        this.adminToken = adminToken;
        this.contract = contract;
    }

    private ApiClient client(String token) {
        // Every answer the generated client reads is also validated against the document.
        ApiClient client = new ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return new ContractCheckedHttpClient(super.getHttpClient(), contract);
            }
        };
        client.updateBaseUri(gatewayUrl);
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    /** @return what contradicts the expected outcome; empty when the whole scenario worked through the client */
    List<String> run() throws ApiException, java.io.IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        ApiClient admin = client(adminToken);
        ApiClient anonymous = client(null);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // Join.
        Member joined = new MembersApi(admin).createMember(new NewMember().givenName("Generated").familyName("Client")
                .email("generated.client." + run + "@example.org").postcode("PL4 8AA"), UUID.randomUUID().toString());
        Member read = new MembersApi(admin).getMember(joined.getId());
        expect(problems, "the member reads back", "Generated".equals(read.getGivenName())
                && read.getPhone() == null, read.toString());

        // RSVP, as a member of the public, to a street stall of the coming weekend.
        CampaignView coming = campaign(anonymous, WeekendOfAction.coming(TestClock.clock()).campaignName());
        List<EventSummary> events = new EventsApi(anonymous).listEvents(null, coming.getId().toString(), null, null,
                null, null, null, null, null, null, null, "Plymouth", null).getItems();
        expect(problems, "the coming weekend lists Plymouth's events", !events.isEmpty(), "no events");
        TimeslotView slot = new EventsApi(anonymous).listTimeslots(events.getFirst().getId()).getFirst();
        RsvpView rsvp = new EventsApi(anonymous).recordRsvp(slot.getEventId(), slot.getId(), new NewRsvp()
                .givenName("Client").familyName("Generated").email("rsvp." + run + "@example.org").consent(false),
                UUID.randomUUID().toString());
        expect(problems, "the public RSVP is accepted or waitlisted with its cancellation token",
                (rsvp.getStatus() == RsvpStatus.ACCEPTED || rsvp.getStatus() == RsvpStatus.WAITLISTED)
                        && rsvp.getCancellationToken() != null && rsvp.getMemberId() == null, rsvp.toString());
        RsvpView reread = new EventsApi(anonymous).getRsvp(slot.getEventId(), rsvp.getId(), rsvp.getCancellationToken());
        expect(problems, "the public RSVP reads back with its token, its token not shown again",
                reread.getStatus() == rsvp.getStatus() && reread.getCancellationToken() == null
                        && (reread.getStatus() != RsvpStatus.ACCEPTED || reread.getLocation() != null), reread.toString());

        // Declare a result: a ward of Suffolk, our candidate against a rival.
        OrganisationView suffolk = new OrganisationsApi(anonymous).listOrganisations(null, 200).getItems().stream()
                .filter(o -> "suffolk".equals(o.getSlug())).findFirst()
                .orElseThrow(() -> new AssertionError("the demo's Suffolk County Council is missing"));
        String division = "gen-" + run;
        UUID post = new PostsApi(admin).createPost(new NewPostRequest().organisationId(suffolk.getId()).slug(division)
                .name("A generated division").kind("division").seats(1), null).getId();
        String ballotPaperId = "local.suffolk." + division + ".2022-05-05";
        new BallotsApi(admin).createBallot(new NewBallotRequest().ballotPaperId(ballotPaperId).postId(post), null);
        CandidacyRecord candidacy = new CandidaciesApi(admin).createCandidacy(new NewCandidacyRequest()
                .ballotPaperId(ballotPaperId).memberId(joined.getId()).name("Generated Client").route(Route.APPLIED), null);
        for (SelectionStage stage : List.of(SelectionStage.SHORTLISTED, SelectionStage.SELECTED, SelectionStage.STANDING)) {
            candidacy = new CandidaciesApi(admin).changeCandidacyStage(candidacy.getId(),
                    new StageChangeRequest().stage(stage).reason("selection meeting"), null);
        }
        expect(problems, "the candidacy is standing", candidacy.getStage() == SelectionStage.STANDING,
                candidacy.toString());
        CandidateView rival = new BallotsApi(admin).addBallotCandidate(ballotPaperId,
                new NewCandidateRequest().name("Rival Example"), null);
        ResultView declared = new BallotsApi(admin).declareBallotResult(ballotPaperId, new ResultRequest()
                .turnout(1800).spoiltBallots(9).candidates(List.of(
                        new ResultCountRequest().candidacyId(candidacy.getId()).votes(1000).elected(true),
                        new ResultCountRequest().candidacyId(rival.getId()).votes(791).elected(false))));
        ResultView result = new BallotsApi(anonymous).getBallotResult(ballotPaperId);
        expect(problems, "the declared result reads back, the winner first",
                result.getCandidates().size() == 2 && result.getCandidates().getFirst().getVotes() == 1000
                        && Boolean.TRUE.equals(result.getCandidates().getFirst().getElected())
                        && result.getElectorate() == null && declared.getTurnout() == 1800, result.toString());

        // The held weekend's roll-up.
        CampaignView held = campaign(anonymous, WeekendOfAction.held(TestClock.clock()).campaignName());
        CampaignRollUp rollUp = new CampaignsApi(admin).getCampaignRollUp(held.getId());
        // Earlier phases add walk-ins and feedback to the held weekend, so the demo's definition is checked by the
        // scenario itself; here the typed read, as JSON again, must equal what the gateway serves at this moment:
        // nothing the document describes is lost or changed by a client generated from it.
        List<String> topics = new FeedbackApi(anonymous).listFeedbackTopics().stream().map(FeedbackTopicView::getSlug)
                .toList();
        expect(problems, "the public reads the feedback topics the held weekend's cards were sorted by",
                !rollUp.getFeedback().getByTopic().isEmpty() && topics.containsAll(rollUp.getFeedback().getByTopic().stream()
                        .map(CampaignRollUpTopicCount::getTopic).toList()), topics.toString());
        JsonNode typed = admin.getObjectMapper().valueToTree(rollUp);
        JsonNode served = admin.getObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gatewayUrl + "/campaigns/" + held.getId() + "/roll-up"))
                .header("Authorization", "Bearer " + adminToken).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        expect(problems, "the held weekend's roll-up, read by the client, equals the served JSON",
                typed.equals(GeneratedClientScenario::sameValue, served), "typed " + typed + " served " + served);
        expect(problems, "the held weekend's roll-up counts every location of the definition",
                rollUp.getLocations().size() == WeekendOfAction.locationCount(),
                rollUp.getLocations().size() + " locations");
        return problems;
    }

    private static CampaignView campaign(ApiClient client, String name) throws ApiException {
        return new CampaignsApi(client).listCampaigns(null, 200).getItems().stream()
                .filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("the campaign " + name + " is missing"));
    }

    /** Equal JSON values; numbers by value, as the client reads {@code 3} into a long and writes it back. */
    private static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    private static void expect(List<String> problems, String what, boolean held, String detail) {
        if (!held) {
            problems.add(what + ": " + detail);
        }
    }
}
