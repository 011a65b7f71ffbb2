package org.grassroots.members.rest;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.grassroots.kit.outbox.OutboxRelay;
import org.grassroots.members.service.ImportService;
import org.grassroots.members.support.MembersApi;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.PersonalDataScan;
import org.grassroots.testing.TestClock;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class ImportTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry meters;

    @Inject
    ImportService imports;

    @Test
    void anImportRecordsGoodRowsReportsBadOnesAndARepeatChangesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                givenName,familyName,email,phone,postcode,membershipType
                Ann,Ashby,ann.%1$s@example.org,07700 900001,PL1 1AA,member
                "Bo, Jr",Baker,bo.%1$s@example.org,,,supporter
                Cy,"Carr \"\"the elder\"\"",cy.%1$s@example.org,,,concessionary
                Di,Dunn,not-an-email,,,member
                Ed,Eve,ed.%1$s@example.org,,
                """.formatted(run);
        String admin = TestTokens.admin();
        String job = given().auth().oauth2(admin).contentType("text/csv").body(csv).post("/members/imports")
                .then().statusCode(202).body("total", equalTo(5)).extract().header("Location");
        awaitCompleted(admin, job);
        given().auth().oauth2(admin).get(job).then()
                .body("created", equalTo(3)).body("failed", equalTo(2)).body("processed", equalTo(5))
                .body("errors.row", contains(4, 5)).body("errors.field", contains("email", "row"));
        long members = count("select count(*) from member");
        long events = eventsRecorded();

        String again = given().auth().oauth2(admin).contentType("text/csv").body(csv).post("/members/imports")
                .then().statusCode(202).extract().header("Location");
        awaitCompleted(admin, again);
        given().auth().oauth2(admin).get(again).then()
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3))
                .body("failed", equalTo(2));
        assertEquals(members, count("select count(*) from member"), "no duplicates");
        assertEquals(events, eventsRecorded(), "no events from a repeat");
        assertEquals(0, count("select count(*) from import_file where job_id in ('%s', '%s')"
                .formatted(jobId(job), jobId(again))), "an ended job's file (personal data) is not kept");
    }

    @Test
    void anImportCutShortByAStoppedInstanceIsTakenOverAndFinishedFromWhereItStopped() throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = restartFile(run);
        String admin = TestTokens.admin();
        // What a stopped instance leaves behind: the first two rows recorded, committed with the job's progress;
        // the file kept; the lease run out.
        for (int i = 1; i <= 2; i++) {
            MembersApi.record(admin, "{\"givenName\":\"P%d\",\"familyName\":\"Restart\",\"email\":\"p%d.%s@example.org\"}"
                    .formatted(i, i, run)).statusCode(201);
        }
        UUID job = jobLeftBehind(csv, 2, TestClock.now().minusHours(1), true);
        String notYetImported = "P3.%s@EXAMPLE.org".formatted(run);
        assertEquals(List.of("import_file.content holds " + notYetImported), scan(notYetImported),
                "until the job ends, its file is the only copy (and the erasure scan sees it)");

        imports.takeOverStalledJobs(); // (or the service's own round of lease checks, whichever comes first)
        awaitCompleted(admin, "/members/imports/" + job);
        given().auth().oauth2(admin).get("/members/imports/" + job).then()
                .body("processed", equalTo(5)).body("created", equalTo(5))
                .body("unchanged", equalTo(0)).body("failed", equalTo(0));
        assertEquals(5, count("select count(*) from member where email_normalised like '%." + run + "@example.org'"));
        assertEquals(0, count("select count(*) from import_file where job_id = '" + job + "'"));
        assertTrue(scan(notYetImported).stream().noneMatch(hit -> hit.startsWith("import_file")));
    }

    private List<String> scan(String needle) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return PersonalDataScan.find(c, List.of(needle));
        }
    }

    @Test
    void aJobQueuedBehindAnotherKeepsItsLeaseAndItsOwnInstanceDoesNotTakeItOver() throws SQLException {
        String admin = TestTokens.admin();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String longFile = "givenName,familyName,email\n" + IntStream.range(0, 50_000)
                .mapToObj(i -> "L%d,Long,long%d.%s@example.org\n".formatted(i, i, run)).collect(Collectors.joining());
        String running = given().auth().oauth2(admin).contentType("text/csv").body(longFile).post("/members/imports")
                .then().statusCode(202).extract().header("Location");
        String queued = given().auth().oauth2(admin).contentType("text/csv").body(restartFile(run))
                .post("/members/imports").then().statusCode(202).extract().header("Location");
        // Times from the services' clock, not the database's now(): the suite may run with its clock moved.
        update("update import_job set heartbeat_at = '" + TestClock.now().minusHours(1) + "' where id = '"
                + jobId(queued) + "'");

        assertEquals(0, imports.takeOverStalledJobs(), "an instance never takes over its own queued job");
        imports.renewLeases();
        assertEquals(1, count("select count(*) from import_job where id = '" + jobId(queued) + "' and status = 'queued'"
                + " and heartbeat_at > '" + TestClock.now().minusMinutes(1) + "'"), "still queued, its lease renewed");

        await().atMost(Duration.ofSeconds(120)).until(() ->
                "completed".equals(given().auth().oauth2(admin).get(running).then().extract().path("status")));
        awaitCompleted(admin, queued);
        given().auth().oauth2(admin).get(queued).then().body("created", equalTo(5)).body("processed", equalTo(5));
    }

    @Test
    void anErasureStopsAnUnfinishedImportHoldingThePersonAndDeletesItsFile() throws SQLException {
        String admin = TestTokens.admin();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "p3.%s@example.org".formatted(run);
        UUID person = MembersApi.member(admin, email, "");
        UUID holding = jobLeftBehind(restartFile(run).replace(email, email.toUpperCase()), 0, TestClock.now(), true);
        UUID unrelated = jobLeftBehind(restartFile(UUID.randomUUID().toString().substring(0, 8)), 0,
                TestClock.now(), true);
        String accented = "zoë.%s@example.org".formatted(run);
        UUID zoe = MembersApi.member(admin, accented, "");
        UUID holdingAccented = jobLeftBehind(restartFile(run).replace(email, accented), 0, TestClock.now(), true);
        try {
            given().auth().oauth2(admin).post("/members/" + zoe + "/erasure").then().statusCode(201);
            given().auth().oauth2(admin).get("/members/imports/" + holdingAccented).then().body("status", equalTo("failed"));
            given().auth().oauth2(admin).get("/members/imports/" + holding).then().body("status", equalTo("running"));

            given().auth().oauth2(admin).post("/members/" + person + "/erasure").then().statusCode(201);

            given().auth().oauth2(admin).get("/members/imports/" + holding).then()
                    .body("status", equalTo("failed")).body("finishedAt", notNullValue())
                    .body("errors.field", contains("file")).body("errors[0].message", containsString("erased"));
            assertEquals(List.of(), scan(email), "neither the member nor the file holds the address");
            given().auth().oauth2(admin).get("/members/imports/" + unrelated).then().body("status", equalTo("running"));
            assertEquals(1, count("select count(*) from import_file where job_id = '" + unrelated + "'"));
        } finally {
            update("delete from import_job where id in ('" + holding + "', '" + unrelated + "', '" + holdingAccented + "')");
        }
    }

    @Test
    void aJobWhoseRunnerIsAliveIsNotTakenOver() throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID job = jobLeftBehind(restartFile(run), 0, TestClock.now(), true);
        try {
            imports.takeOverStalledJobs();
            given().auth().oauth2(TestTokens.admin()).get("/members/imports/" + job).then()
                    .body("status", equalTo("running")).body("processed", equalTo(0));
            assertEquals(0, count("select count(*) from member where email_normalised like '%." + run + "@example.org'"));
        } finally {
            update("delete from import_job where id = '" + job + "'");
        }
    }

    @Test
    void aStalledJobWhoseFileIsGoneFailsAndSaysWhatToDo() throws SQLException {
        UUID job = jobLeftBehind(restartFile(UUID.randomUUID().toString().substring(0, 8)), 2,
                TestClock.now().minusHours(1), false);
        String admin = TestTokens.admin();
        imports.takeOverStalledJobs();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "failed".equals(given().auth().oauth2(admin).get("/members/imports/" + job).then().extract().path("status")));
        given().auth().oauth2(admin).get("/members/imports/" + job).then()
                .body("processed", equalTo(2)).body("finishedAt", notNullValue())
                .body("errors.field", contains("file")).body("errors[0].message", containsString("upload the file again"));
    }

    private static String restartFile(String run) {
        return "givenName,familyName,email\n" + IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "P%d,Restart,p%d.%s@example.org\n".formatted(i, i, run)).collect(Collectors.joining());
    }

    /** A running job as an instance that stopped leaves it: {@code processed} rows done, all of them created. */
    private UUID jobLeftBehind(String csv, int processed, OffsetDateTime heartbeat, boolean fileKept)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement job = c.prepareStatement("""
                     insert into import_job (id, status, total, processed, created, created_at, caller_subject,
                                             caller_roles, runner, heartbeat_at)
                     values (?, 'running', ?, ?, ?, ?, 'an-admin', '{admin}', ?, ?)""");
             PreparedStatement file = c.prepareStatement("insert into import_file (job_id, content) values (?, ?)")) {
            job.setObject(1, id);
            job.setInt(2, (int) csv.lines().count() - 1);
            job.setInt(3, processed);
            job.setInt(4, processed);
            job.setObject(5, TestClock.now());
            job.setObject(6, UUID.randomUUID());
            job.setObject(7, heartbeat);
            job.executeUpdate();
            if (fileKept) {
                file.setObject(1, id);
                file.setBytes(2, csv.getBytes(StandardCharsets.UTF_8));
                file.executeUpdate();
            }
        }
        return id;
    }

    private static String jobId(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate(sql);
        }
    }

    @Test
    void aPersonNamedTwiceInOneFileOrAlreadyKnownIsUpdatedNotDuplicated() {
        String admin = TestTokens.admin();
        String known = MembersApi.email("known");
        UUID knownId = MembersApi.member(admin, known, "\"externalId\":\"crm-" + known + "\"");
        String twice = MembersApi.email("twice");
        UUID nowhere = UUID.randomUUID();
        String csv = """
                givenName,familyName,email,phone,externalId,branchId
                Gil,Gray,%1$s,,,
                Gil,Gray,%2$s,07700 900002,,
                Test,Person,renamed.%3$s,,crm-%3$s,
                Hal,Hope,%4$s,,,%5$s
                """.formatted(twice, twice.toUpperCase(), known, MembersApi.email("nowhere"), nowhere);
        long events = eventsRecorded();
        String job = given().auth().oauth2(admin).contentType("text/csv").body(csv).post("/members/imports")
                .then().statusCode(202).extract().header("Location");
        awaitCompleted(admin, job);
        given().auth().oauth2(admin).get(job).then()
                .body("created", equalTo(1)).body("updated", equalTo(2)).body("failed", equalTo(1))
                .body("errors.row", contains(4)).body("errors.message", contains(containsString("does not exist")));
        assertEquals(events + 4, eventsRecorded(), "joined + state for the new person, updated + state for the known one");
        assertEquals(1, count("select count(*) from member where email_normalised = '" + twice.toLowerCase() + "'"));
        given().auth().oauth2(admin).queryParam("email", twice).get("/members").then()
                .body("items", hasSize(1)).body("items[0].phone", equalTo("+447700900002"));
        given().auth().oauth2(admin).get("/members/" + knownId).then()
                .body("email", equalTo("renamed." + known));
        // Matched on the external id, the new email is the person's de-duplication key from now on.
        MembersApi.record(admin, "{\"givenName\":\"Test\",\"familyName\":\"Person\",\"email\":\"RENAMED.%s\"}"
                .formatted(known)).statusCode(200).body("id", equalTo(knownId.toString()));
    }

    @Test
    void everyImportedFieldIsStoredAsGivenAndTheJoinIsInTheHistory() {
        String admin = TestTokens.admin();
        UUID branch = MembersApi.branch("Fields", "FL");
        String email = MembersApi.email("fields");
        String duesPaidUntil = org.grassroots.testing.TestClock.today().plusMonths(4).toString();
        String csv = "givenName,familyName,email,phone,postcode,membershipType,branchId,origin,externalId,"
                + "duesPaidUntil,addressLine1,addressLine2,addressLine3,locality,region\n"
                + "Siân,\"O'Brien, \"\"Óg\"\"\",%s,07700 900003,fl1 2ab,concessionary,%s,spring fair,crm-%s,"
                .formatted(email, branch, email)
                + duesPaidUntil + ",Flat 2,\"10 Quay St, rear\",Old Town,Fieldsby,Fieldshire\n";
        String job = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/members/imports").then().statusCode(202).extract().header("Location");
        awaitCompleted(admin, job);
        given().auth().oauth2(admin).get(job).then().body("created", equalTo(1));

        String id = given().auth().oauth2(admin).queryParam("email", email).get("/members").then()
                .body("items", hasSize(1))
                .body("items[0].givenName", equalTo("Siân")).body("items[0].familyName", equalTo("O'Brien, \"Óg\""))
                .body("items[0].phone", equalTo("+447700900003")).body("items[0].postcode", equalTo("FL1 2AB"))
                .body("items[0].membershipType", equalTo("concessionary")).body("items[0].status", equalTo("active"))
                .body("items[0].branchId", equalTo(branch.toString())).body("items[0].origin", equalTo("spring fair"))
                .body("items[0].externalId", equalTo("crm-" + email))
                .body("items[0].duesPaidUntil", equalTo(duesPaidUntil))
                .body("items[0].addressLines", contains("Flat 2", "10 Quay St, rear", "Old Town"))
                .body("items[0].locality", equalTo("Fieldsby")).body("items[0].region", equalTo("Fieldshire"))
                .extract().path("items[0].id");
        OffsetDateTime joinedAt = OffsetDateTime.parse(given().auth().oauth2(admin).get("/members/" + id).then()
                .extract().<String>path("joinedAt"));
        assertTrue(Duration.between(joinedAt, TestClock.now()).abs().toMinutes() < 5, "joined just now: " + joinedAt);
        given().auth().oauth2(admin).get("/members/" + id + "/status-changes").then()
                .body("", hasSize(1)).body("[0].fromStatus", equalTo(null))
                .body("[0].toStatus", equalTo("active")).body("[0].kind", equalTo("joined"));
    }

    @Test
    void anImportProposesTheSameBranchAsTheApi() {
        String admin = TestTokens.admin();
        UUID area = MembersApi.branch("A Shetland", "ZE");
        UUID district = MembersApi.branch("B Lerwick", "ZE1");
        String viaApi = MembersApi.email("api");
        String inDistrict = MembersApi.email("district");
        String inArea = MembersApi.email("area");
        UUID apiBranch = UUID.fromString(MembersApi.record(admin,
                        "{\"givenName\":\"Ivy\",\"familyName\":\"Inch\",\"email\":\"%s\",\"postcode\":\"ZE1 0AA\"}"
                                .formatted(viaApi)).statusCode(201).extract().<String>path("branchId"));
        assertEquals(district, apiBranch);
        String job = given().auth().oauth2(admin).contentType("text/csv")
                .body("givenName,familyName,email,addressLine1,addressLine2,locality,postcode\n"
                        + "Jo,Jay,%s,1 Commercial Street,,Lerwick,ZE1 0AB\nKit,Kay,%s,,,,ZE2 9XX\n"
                        .formatted(inDistrict, inArea))
                .post("/members/imports").then().statusCode(202).extract().header("Location");
        awaitCompleted(admin, job);
        given().auth().oauth2(admin).queryParam("branch", district).get("/members").then()
                .body("items.email", hasItems(viaApi, inDistrict)).body("items.email", not(hasItem(inArea)));
        given().auth().oauth2(admin).queryParam("branch", area).get("/members").then()
                .body("items.email", contains(inArea)).body("items[0].addressLines", empty());
        given().auth().oauth2(admin).queryParam("email", inDistrict).get("/members").then()
                .body("items[0].addressLines", contains("1 Commercial Street"))
                .body("items[0].locality", equalTo("Lerwick"));
    }

    @Test
    void anOrganisersImportLandsInTheirBranch() {
        UUID branch = MembersApi.branch("Newcastle", "NE");
        String organiser = TestTokens.organiser(branch);
        String email = MembersApi.email("imported");
        String job = given().auth().oauth2(organiser).contentType("text/csv")
                .body("givenName,familyName,email\r\nFay,Ford,%s\r\n".formatted(email))
                .post("/members/imports").then().statusCode(202).extract().header("Location");
        awaitCompleted(organiser, job);
        given().auth().oauth2(organiser).queryParam("branch", branch).get("/members").then()
                .body("items.email", contains(email));
    }

    @Test
    void aFileWithWrongColumnsOrTooLargeIsRefusedBeforeAnythingIsWritten() {
        long jobs = count("select count(*) from import_job");
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType("text/csv").body("name,email\nAl,al@example.org\n")
                .post("/members/imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"));
        given().auth().oauth2(admin).contentType("text/csv").body("givenName,familyName,email,email\n")
                .post("/members/imports").then().statusCode(400);
        given().auth().oauth2(admin).contentType("text/csv").body("givenName,familyName,email\n" + "x".repeat(21_000_000))
                .post("/members/imports").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).contentType("text/csv")
                .body("givenName,familyName,email\n").post("/members/imports").then().statusCode(403);
        assertEquals(jobs, count("select count(*) from import_job"));
    }

    private static void awaitCompleted(String token, String job) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "completed".equals(given().auth().oauth2(token).get(job).then().extract().path("status")));
    }

    /** Every event recorded so far: once the outbox is drained, the relay has counted each as published. */
    private long eventsRecorded() {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        return (long) meters.get("grassroots.outbox.published").counter().count();
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
