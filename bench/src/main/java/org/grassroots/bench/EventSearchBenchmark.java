package org.grassroots.bench;

import org.grassroots.devstack.Devstack;
import org.grassroots.devstack.DevstackOptions;
import org.grassroots.platform.infra.DevTokens;
import org.grassroots.platform.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public event search over N events (default 20,000) in a freshly started suite: p50 and p99 latency per kind of
 * search, measured against events-service itself (the target is p99 < 20 ms in the service) and, for reference,
 * the same requests through the gateway. The events are inserted with SQL (the setup is not what is measured):
 * 40 towns, 14 months, six types, 90% published, one in seven members-only, one in ten in a campaign.
 */
public final class EventSearchBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(EventSearchBenchmark.class);
    private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final int WARM_UP = 500;
    private static final int PER_KIND = 1000;

    /** Town, postcode district, latitude, longitude. */
    private static final Object[][] TOWNS = {
            {"Plymouth", "PL1", 50.3713, -4.1422}, {"Newcastle", "NE1", 54.9738, -1.6132},
            {"Cambridge", "CB1", 52.2053, 0.1218}, {"Liverpool", "L1", 53.4045, -2.9810},
            {"London", "SE5", 51.4740, -0.0930}, {"London", "NW1", 51.5390, -0.1426},
            {"London", "N17", 51.5880, -0.0690}, {"Manchester", "M1", 53.4808, -2.2426},
            {"Nottingham", "NG1", 52.9536, -1.1505}, {"Bristol", "BS1", 51.4545, -2.5879},
            {"Exeter", "EX1", 50.7236, -3.5275}, {"Reading", "RG1", 51.4551, -0.9787},
            {"Colchester", "CO1", 51.8892, 0.9042}, {"Bury", "BL9", 53.5933, -2.2966},
            {"Sutton-in-Ashfield", "NG17", 53.1253, -1.2610}, {"Wellingborough", "NN8", 52.3025, -0.6937},
            {"Leeds", "LS1", 53.7997, -1.5492}, {"Sheffield", "S1", 53.3811, -1.4701},
            {"Birmingham", "B1", 52.4796, -1.9026}, {"Leicester", "LE1", 52.6369, -1.1398},
            {"Norwich", "NR1", 52.6309, 1.2974}, {"Ipswich", "IP1", 52.0567, 1.1482},
            {"Bury St Edmunds", "IP33", 52.2463, 0.7111}, {"Oxford", "OX1", 51.7520, -1.2577},
            {"Southampton", "SO14", 50.9097, -1.4044}, {"Portsmouth", "PO1", 50.8198, -1.0880},
            {"Brighton", "BN1", 50.8225, -0.1372}, {"Canterbury", "CT1", 51.2802, 1.0789},
            {"York", "YO1", 53.9600, -1.0873}, {"Hull", "HU1", 53.7457, -0.3367},
            {"Wakefield", "WF1", 53.6830, -1.4977}, {"Bradford", "BD1", 53.7960, -1.7594},
            {"Preston", "PR1", 53.7632, -2.7031}, {"Carlisle", "CA1", 54.8925, -2.9329},
            {"Sunderland", "SR1", 54.9069, -1.3838}, {"Derby", "DE1", 52.9225, -1.4746},
            {"Stoke-on-Trent", "ST1", 53.0027, -2.1794}, {"Coventry", "CV1", 52.4068, -1.5197},
            {"Gloucester", "GL1", 51.8642, -2.2382}, {"Truro", "TR1", 50.2632, -5.0510}};

    /** One kind of search: latencies in events-service and through the gateway, and the items on its page. */
    record Search(String kind, Latencies service, Latencies gateway, int items) {
    }

    /** Every search, and all of them together in the service (what the target is about). */
    record Result(long events, long published, int perKind, int warmUp, List<Search> searches, Latencies allService) {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path root = DevstackOptions.findProjectRoot(Path.of(""));
        try (Devstack stack = Devstack.start(new DevstackOptions(root, root.resolve("bench/target/devstack-search"),
                true, BenchPorts.freeBasePort(), FreePorts.next(), FreePorts.next()))) {
            Result result = run(stack, events, WARM_UP, PER_KIND);
            StringBuilder report = new StringBuilder("""

                    Public event search benchmark: %,d events in the table (%,d published), one run on the 2-core
                    machine, the whole suite running; sequential requests, %d per search after %d warm-up requests.
                    Target: p99 < 20 ms in the service.

                    search                          events-service p50 / p99   gateway p50 / p99   items
                    """.formatted(result.events(), result.published(), result.perKind(), result.warmUp()));
            for (Search search : result.searches()) {
                report.append("%-32s %9.1f / %6.1f ms %9.1f / %6.1f ms %6d%n".formatted(search.kind(),
                        search.service().p50(), search.service().p99(), search.gateway().p50(),
                        search.gateway().p99(), search.items()));
            }
            report.append("%-32s %9.1f / %6.1f ms%n".formatted("all searches", result.allService().p50(),
                    result.allService().p99()));
            Path file = root.resolve("bench/target/event-search-report.txt");
            Files.writeString(file, report);
            LOG.info(report + "(also in " + file + ")");
        }
    }

    /**
     * Inserts {@code events} events into the running suite and measures each kind of search: {@code warmUp}
     * requests, then {@code perKind} sequential requests to events-service and as many through the gateway.
     */
    static Result run(Devstack stack, int events, int warmUp, int perKind) throws Exception {
        String token = DevTokens.token("bench-admin", List.of("admin"), Duration.ofHours(1));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> campaign = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/campaigns"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Benchmark campaign " + System.nanoTime()
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(campaign.body());
        if (campaign.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Campaign not created: " + campaign.body());
        }
        String campaignId = id.group(1);
        long total = insert(stack.jdbcUrl("events"), events, campaignId);

        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("listing (first page of 50)", "");
        searches.put("town", "town=Manchester");
        searches.put("postcode district", "postcode=NG17");
        searches.put("postcode area", "postcode=L");
        searches.put("within 10 km of a point", "lat=51.5072&lon=-0.1276&radiusKm=10");
        searches.put("date range (a month)", "from=2027-01-01&to=2027-01-31");
        searches.put("type + town", "type=meeting&town=London");
        searches.put("campaign", "campaign=" + campaignId);
        searches.put("near + dates + type", "lat=53.48&lon=-2.24&radiusKm=25&from=2026-12-01&to=2027-03-31"
                + "&type=leafleting");
        String cursor = cursor(http, stack.serviceUrl("events") + "/events?limit=50");
        searches.put("listing, page 2 (cursor)", "limit=50&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));

        List<Search> results = new ArrayList<>();
        List<Double> allService = new ArrayList<>();
        for (Map.Entry<String, String> search : searches.entrySet()) {
            String path = "/events?" + search.getValue();
            warmUp(http, stack.serviceUrl("events") + path, warmUp);
            double[] service = measure(http, stack.serviceUrl("events") + path, perKind);
            double[] gateway = measure(http, stack.gatewayUrl() + path, perKind);
            Arrays.stream(service).forEach(allService::add);
            results.add(new Search(search.getKey(), Latencies.ofMillis(service), Latencies.ofMillis(gateway),
                    items(http, stack.serviceUrl("events") + path)));
        }
        double[] all = allService.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(total, count(stack.jdbcUrl("events"), "select count(*) from event where status = 'published'"),
                perKind, warmUp, results, Latencies.ofMillis(all));
    }

    private static long insert(String jdbcUrl, int events, String campaignId) throws Exception {
        StringBuilder towns = new StringBuilder();
        for (int i = 0; i < TOWNS.length; i++) {
            Object[] t = TOWNS[i];
            towns.append(i == 0 ? "" : ",").append("(%d,'%s','%s',%s,%s)".formatted(i, t[0], t[1], t[2], t[3]));
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("""
                    insert into event (id, title, event_type, starts_at, ends_at, time_zone, venue, town, postcode,
                                       latitude, longitude, campaign_id, status, visibility, created_at, updated_at)
                    select gen_random_uuid(), 'Benchmark event ' || g,
                           (array['street_stall','leafleting','canvass','meeting','conference','social'])[1 + g %% 6],
                           timestamptz '2026-11-01 09:00Z' + (g %% 425) * interval '1 day' + (g %% 9) * interval '1 hour',
                           timestamptz '2026-11-01 12:00Z' + (g %% 425) * interval '1 day' + (g %% 9) * interval '1 hour',
                           'Europe/London', 'Venue ' || g, t.town, t.district || ' ' || (1 + g %% 9) || 'AB',
                           t.lat + ((g * 7919) %% 1000 - 500) / 20000.0, t.lon + ((g * 104729) %% 1000 - 500) / 20000.0,
                           case when g %% 10 = 0 then '%s'::uuid end,
                           case when g %% 10 < 9 then 'published' else 'draft' end,
                           case when g %% 7 = 0 then 'members' else 'public' end, now(), now()
                    from generate_series(1, %d) g
                    join (values %s) as t(n, town, district, lat, lon) on t.n = g %% %d""".formatted(campaignId,
                    events, towns, TOWNS.length));
            s.execute("analyze event");
        }
        return count(jdbcUrl, "select count(*) from event");
    }

    private static void warmUp(HttpClient http, String url, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            get(http, url);
        }
    }

    private static double[] measure(HttpClient http, String url, int requests) throws Exception {
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            get(http, url);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String cursor(HttpClient http, String url) throws Exception {
        Matcher m = CURSOR.matcher(get(http, url));
        if (!m.find()) {
            throw new IllegalStateException("no next page at " + url);
        }
        return m.group(1);
    }

    private static int items(HttpClient http, String url) throws Exception {
        return get(http, url).split("\"id\":", -1).length - 1;
    }

    private static long count(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
