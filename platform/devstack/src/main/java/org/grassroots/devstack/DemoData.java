package org.grassroots.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

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

    /** @return how many records were created now */
    static int seed(String gatewayUrl, String adminToken) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int created = 0;
        for (Person person : PEOPLE) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/members"))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"givenName":"%s","familyName":"%s","email":"%s"}"""
                            .formatted(person.givenName(), person.familyName(), person.email())))
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 201) {
                    created++;
                } else if (status != 409) {
                    Devstack.log("Demo member not created: HTTP %d", status);
                }
            } catch (IOException e) {
                Devstack.log("Demo data incomplete: %s", e.getMessage());
                return created;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return created;
            }
        }
        return created;
    }
}
