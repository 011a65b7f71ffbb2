package org.grassroots.webhooks.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The service's Prometheus page ({@code /q/metrics}) as a scraper reads it. */
public final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    public static Metrics scrape() {
        return new Metrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public String text() {
        return text;
    }

    /**
     * The sum of the samples named {@code name} whose labels include these (pairs: label, value); 0 if there is
     * none (a counter not yet incremented is not on the page).
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            Map<String, String> have = new HashMap<>();
            int open = line.indexOf('{');
            int close = line.lastIndexOf('}');
            if (open == name.length() && close > open) {
                Arrays.stream(line.substring(open + 1, close).split(",")).filter(p -> p.contains("="))
                        .forEach(p -> {
                            String[] kv = p.split("=", 2);
                            have.put(kv[0].trim(), kv[1].trim().replaceAll("^\"|\"$", ""));
                        });
            }
            if (have.entrySet().containsAll(wanted.entrySet())) {
                String[] parts = line.substring(close > 0 ? close + 1 : name.length()).trim().split(" ");
                sum += Double.parseDouble(parts[0]);
            }
        }
        return sum;
    }
}
