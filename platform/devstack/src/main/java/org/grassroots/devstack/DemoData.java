package org.grassroots.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Demo records created through the gateway, as a client would, on every start; ones that exist already are
 * answered 409 and left alone. The people are fictional.
 */
final class DemoData {

    private record Person(String givenName, String familyName, String email) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("Ada", "Fairweather", "ada.fairweather@example.org"),
            new Person("Bilal", "Okafor", "bilal.okafor@example.org"),
            new Person("Ceri", "Llewellyn", "ceri.llewellyn@example.org"),
            new Person("Dev", "Raman", "dev.raman@example.org"),
            new Person("Esme", "Hartley", "esme.hartley@example.org"),
            new Person("Finn", "Mackay", "finn.mackay@example.org"));

    private DemoData() {
    }

    /** What a seeding run did: how many records it created, and the id of the demo member if it created her. */
    record Seeded(int created, Optional<UUID> demoMemberId) {
    }

    static Seeded seed(String gatewayUrl, String adminToken) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int created = 0;
        Optional<UUID> demoMemberId = Optional.empty();
        for (Person person : PEOPLE) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/members"))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"givenName":"%s","familyName":"%s","email":"%s"}"""
                            .formatted(person.givenName(), person.familyName(), person.email())))
                    .build();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 201) {
                    created++;
                    if (person == PEOPLE.getFirst()) {
                        demoMemberId = response.headers().firstValue("Location")
                                .map(location -> UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
                    }
                } else if (response.statusCode() != 409) {
                    Devstack.log("Demo member not created: HTTP %d", response.statusCode());
                }
            } catch (IOException e) {
                Devstack.log("Demo data incomplete: %s", e.getMessage());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Seeded(created, demoMemberId);
    }
}
