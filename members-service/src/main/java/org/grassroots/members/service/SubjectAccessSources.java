package org.grassroots.members.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.SubjectAccessGrants;
import org.grassroots.kit.subjectaccess.SubjectAccess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks events-service and elections-service, over HTTP with the caller's own token and this service's grant for the
 * person's addresses ({@link SubjectAccessGrants}: only this service knows which addresses are theirs), what they hold
 * about a person, so the subject-access export covers the suite without reading their databases. A service that is
 * configured but cannot answer makes the export a 503: an incomplete Art. 15 answer is worse than a late one. A service left
 * unconfigured (a members-service on its own, as in its tests) is left out, and the export's {@code sources} says
 * which services it covers.
 */
@ApplicationScoped
public class SubjectAccessSources {

    /** What the other services hold, and which services the export covers. */
    public record Holdings(SubjectAccess.EventsHoldings events, SubjectAccess.ElectionsHoldings elections,
                           List<String> sources) {
    }

    @ConfigProperty(name = "grassroots.subject-access.events-url")
    Optional<String> eventsUrl;

    @ConfigProperty(name = "grassroots.subject-access.elections-url")
    Optional<String> electionsUrl;

    @Inject
    ObjectMapper json;

    @Inject
    SubjectAccessGrants grants;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Holdings collect(UUID memberId, List<String> emails, String rawToken) {
        SubjectAccess.Request request = new SubjectAccess.Request(memberId, emails);
        List<String> sources = new ArrayList<>(List.of("members-service"));
        SubjectAccess.EventsHoldings events = new SubjectAccess.EventsHoldings(List.of(), List.of());
        SubjectAccess.ElectionsHoldings elections = new SubjectAccess.ElectionsHoldings(List.of(), List.of());
        Optional<String> eventsBase = eventsUrl.filter(url -> !url.isBlank());
        if (eventsBase.isPresent()) {
            events = fetch("events-service", eventsBase.get(), request, rawToken, SubjectAccess.EventsHoldings.class,
                    grants.issue(memberId, emails));
            sources.add("events-service");
        }
        Optional<String> electionsBase = electionsUrl.filter(url -> !url.isBlank());
        if (electionsBase.isPresent()) {
            elections = fetch("elections-service", electionsBase.get(), request, rawToken,
                    SubjectAccess.ElectionsHoldings.class, grants.issue(memberId, emails));
            sources.add("elections-service");
        }
        return new Holdings(events, elections, sources);
    }

    private <T> T fetch(String service, String base, SubjectAccess.Request body, String rawToken, Class<T> type,
                        String grant) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + SubjectAccess.PATH))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + rawToken)
                    .header(SubjectAccess.GRANT_HEADER, grant)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 403) {
                throw ProblemException.forbidden(service + " refuses this caller a subject-access export");
            }
            if (response.statusCode() != 200) {
                throw incomplete(service, "answered " + response.statusCode());
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw incomplete(service, "could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw incomplete(service, "was interrupted");
        }
    }

    private static ProblemException incomplete(String service, String what) {
        return new ProblemException(new Problem(Problem.type("export-incomplete"), "Service unavailable", 503,
                "The export would be incomplete: " + service + " " + what + "; try again shortly", null, null));
    }
}
