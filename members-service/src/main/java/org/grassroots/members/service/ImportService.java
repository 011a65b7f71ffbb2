package org.grassroots.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.BranchDirectory;
import org.grassroots.members.domain.CsvTable;
import org.grassroots.members.domain.ImportJob;
import org.grassroots.members.domain.MembershipType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.lang.annotation.ElementType;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/**
 * CSV import as a job: the header is checked up front (a wrong one changes nothing), then the rows are recorded
 * with the same de-duplication as the API, a chunk per transaction; a refused row costs only itself and a
 * re-upload of the same file changes nothing. Row errors name the row and field, never the row's content.
 *
 * <p>A job survives a restart: its file is kept until it ends, and each chunk commits with the job's progress, so
 * the job can go on from the first row not yet recorded. The instance running a job renews its lease on it
 * ({@code grassroots.import.lease}, every third of it); an instance that finds a job whose lease has run out (its
 * runner stopped) takes it over. Each chunk's commit checks that this instance still runs the job, so two never
 * both record it.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    Clock clock;

    public static final List<String> REQUIRED = List.of("givenName", "familyName", "email");
    public static final List<String> OPTIONAL = List.of("phone", "postcode", "membershipType", "branchId", "origin",
            "externalId", "duesPaidUntil", "addressLine1", "addressLine2", "addressLine3", "locality", "region");
    public static final int MAX_ROWS = 200_000;
    private static final int MAX_ERRORS = 1_000;
    /** Rows per transaction: large enough that per-statement costs vanish, small enough to redo on a conflict. */
    private static final int CHUNK = 2_000;
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @Inject
    MembershipService membership;

    @Inject
    MemberBatchRecorder batch;

    @Inject
    ImportFiles files;

    @Inject
    EntityManager entityManager;

    /** How long a job's runner may be silent before another instance takes the job over. */
    @ConfigProperty(name = "grassroots.import.lease", defaultValue = "90s")
    Duration lease;

    /** This process, as the runner of the jobs it starts or takes over. */
    private final UUID instance = UUID.randomUUID();

    /** The jobs queued or running in this process: their leases are renewed while they are here. */
    private final Set<UUID> mine = ConcurrentHashMap.newKeySet();

    /**
     * The API's constraints, without asking JPA whether each property is loaded (a row is no entity): that asking
     * was 40% of validating a row.
     */
    private Validator validator;

    @Inject
    ValidatorFactory validators;

    @PostConstruct
    void createValidator() {
        validator = validators.usingContext().traversableResolver(new TraverseEverything()).getValidator();
    }

    /** Every property of a row's details is there to be validated. */
    private static final class TraverseEverything implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty,
                                    ElementType elementType) {
            return true;
        }
    }

    /** Imports run one at a time, beside the API, not on its threads. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("member-import").daemon().factory());

    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("member-import-leases").daemon().factory());

    /** At start (a restart's jobs are taken over once their lease runs out), then every third of the lease. */
    void startLeases(@Observes StartupEvent started) {
        leases.scheduleWithFixedDelay(this::renewAndTakeOver, 0, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
    }

    /** Set when the service stops: a running job stops between two chunks, to be taken over. */
    private volatile boolean stopping;

    /** On a shutdown event, not at the bean's destruction: the database and transactions are still there. */
    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        leases.shutdownNow();
        executor.shutdown();
        try {
            if (executor.awaitTermination(10, TimeUnit.SECONDS)) {
                // Its lease given up, a job cut short here is taken over as soon as an instance starts.
                QuarkusTransaction.requiringNew().run(() -> ImportJob.update("heartbeatAt = null where runner = ?1 "
                        + "and status in ?2", instance, List.of(ImportJob.Status.queued.name(),
                        ImportJob.Status.running.name())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Import leases not given up at shutdown: %s", e.getClass().getName());
        }
    }

    private void renewAndTakeOver() {
        try {
            renewLeases();
            takeOverStalledJobs();
        } catch (RuntimeException e) {
            // The database may be away; the next round tries again (the failure's message may quote data).
            LOG.warnf("Import leases not renewed: %s", e.getClass().getName());
        }
    }

    /** Renews the leases of the jobs queued or running here (the service does it every third of the lease). */
    public void renewLeases() {
        UUID[] here = mine.toArray(UUID[]::new);
        if (here.length == 0) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement renew = connection.prepareStatement(
                    "update import_job set heartbeat_at = ? where runner = ? and id = any(?)")) {
                renew.setObject(1, SuiteClock.timestamp(clock));
                renew.setObject(2, instance);
                renew.setArray(3, connection.createArrayOf("uuid", here));
                renew.executeUpdate();
            }
        }));
    }

    /**
     * Takes over every unfinished job whose lease has run out, and goes on with it from its first row not yet
     * recorded (a job whose file is gone fails, saying so). Returns how many it took over.
     */
    public int takeOverStalledJobs() {
        OffsetDateTime now = SuiteClock.timestamp(clock);
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            // "skip locked": a job whose runner is committing a chunk right now is not stalled.
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement claim = connection.prepareStatement("""
                        update import_job set runner = ?, heartbeat_at = ? where id in (
                            select id from import_job
                            where status in ('queued', 'running') and (heartbeat_at is null or heartbeat_at < ?)
                              and not id = any(?)
                            for update skip locked)
                        returning id""")) {
                    claim.setObject(1, instance);
                    claim.setObject(2, now);
                    claim.setObject(3, now.minus(lease));
                    // Never its own queued or running jobs, even if renewing their leases failed.
                    claim.setArray(4, connection.createArrayOf("uuid", mine.toArray(UUID[]::new)));
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
            });
            return ids;
        });
        claimed.forEach(this::resume);
        return claimed.size();
    }

    private void resume(UUID jobId) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(jobId));
        byte[] content = QuarkusTransaction.requiringNew().call(() -> files.load(jobId));
        Tally tally = Tally.of(job);
        mine.add(jobId);
        if (content == null || job.callerRoles == null) {
            LOG.warnf("Import %s was interrupted and its file is not kept: it fails", jobId);
            tally.errors.add(new ImportJob.RowError(0, "file", "The import was interrupted and its file is no "
                    + "longer kept; upload the file again (rows already imported are found, not repeated)"));
            try {
                QuarkusTransaction.requiringNew().run(() -> writeProgress(jobId, ImportJob.Status.failed, tally));
            } finally {
                mine.remove(jobId);
            }
            return;
        }
        LOG.infof("Import %s: taken over at row %d of %d", jobId, tally.processed, job.total);
        Caller caller = new Caller(job.callerSubject, Set.of(job.callerRoles), job.callerBranchId);
        CsvTable table = CsvTable.parse(new String(content, StandardCharsets.UTF_8));
        executor.submit(() -> run(jobId, table, caller, tally));
    }

    /**
     * Ends, as failed, every unfinished import whose file holds one of these addresses, and deletes the file. Called
     * in an erasure's transaction: the erased person's data does not outlive the erasure in a file, nor come back
     * when the import goes on (its runner stops at its next chunk, which finds the job ended). Returns how many.
     */
    public int failImportsHoldingAnyOf(List<String> emails) {
        List<UUID> holding = files.holdingAnyOf(emails);
        OffsetDateTime now = SuiteClock.timestamp(clock);
        for (UUID jobId : holding) {
            ImportJob job = ImportJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job.isUnfinished()) {
                List<ImportJob.RowError> errors = new ArrayList<>(job.errors);
                errors.add(new ImportJob.RowError(0, "file", "Stopped: a person in this file was erased meanwhile. "
                        + "Upload the file again without them (rows already imported are found, not repeated)"));
                job.errors = errors;
                end(job, ImportJob.Status.failed, now);
            } else {
                files.delete(jobId); // (a file outliving its job's end; not expected, and not to be kept)
            }
        }
        return holding.size();
    }

    public ImportJob start(String csv, Caller caller) {
        CsvTable table = CsvTable.parse(csv);
        checkHeader(table.header());
        if (table.rows().size() > MAX_ROWS) {
            throw ProblemException.unprocessable("too-many-rows", "An import takes at most " + MAX_ROWS + " rows");
        }
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob created = new ImportJob();
            created.id = TimeOrderedIds.next();
            created.status = ImportJob.Status.queued.name();
            created.total = table.rows().size();
            created.createdAt = SuiteClock.timestamp(clock);
            created.callerSubject = caller.subject();
            created.callerRoles = caller.roles().toArray(String[]::new);
            created.callerBranchId = caller.branchId();
            created.runner = instance;
            created.heartbeatAt = created.createdAt;
            created.persist();
            files.store(created.id, csv.getBytes(StandardCharsets.UTF_8));
            return created;
        });
        mine.add(job.id);
        executor.submit(() -> run(job.id, table, caller, new Tally()));
        return job;
    }

    public ImportJob find(UUID id) {
        return ImportJob.<ImportJob>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Import " + id));
    }

    /** Running totals of one import. */
    private static final class Tally {
        int processed;
        int created;
        int updated;
        int unchanged;
        int failed;
        final List<ImportJob.RowError> errors = new ArrayList<>();

        /** The totals as the job's last committed chunk left them. */
        static Tally of(ImportJob job) {
            Tally tally = new Tally();
            tally.processed = job.processed;
            tally.created = job.created;
            tally.updated = job.updated;
            tally.unchanged = job.unchanged;
            tally.failed = job.failed;
            tally.errors.addAll(job.errors);
            return tally;
        }

        Tally copy() {
            Tally copy = new Tally();
            copy.processed = processed;
            copy.created = created;
            copy.updated = updated;
            copy.unchanged = unchanged;
            copy.failed = failed;
            copy.errors.addAll(errors);
            return copy;
        }

        void fail(int row, ProblemException e) {
            processed++;
            failed++;
            if (errors.size() < MAX_ERRORS) {
                var fieldErrors = e.problem().errors();
                boolean named = fieldErrors != null && !fieldErrors.isEmpty();
                errors.add(new ImportJob.RowError(row, named ? fieldErrors.getFirst().field() : "row",
                        named ? fieldErrors.getFirst().message() : e.problem().detail()));
            }
        }

        void count(MemberBatchRecorder.Outcome outcome) {
            switch (outcome.result()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REFUSED -> {
                    fail(outcome.row().number(), outcome.refusal());
                    return;
                }
            }
            processed++;
        }

        void count(MembershipService.Recorded recorded) {
            processed++;
            if (recorded.created()) {
                created++;
            } else if (recorded.changed()) {
                updated++;
            } else {
                unchanged++;
            }
        }
    }

    /** Records the file's rows from {@code tally.processed} on, a chunk per transaction with the job's progress. */
    private void run(UUID jobId, CsvTable table, Caller caller, Tally start) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            column.put(table.header().get(i), i);
        }
        Tally tally = start;
        try {
            Tally running = tally;
            QuarkusTransaction.requiringNew().run(() -> writeProgress(jobId, ImportJob.Status.running, running));
            for (int from = tally.processed; from < table.rows().size(); from += CHUNK) {
                if (stopping) {
                    LOG.infof("Import %s: stopped at row %d of %d, to be taken over", jobId, from,
                            table.rows().size());
                    return;
                }
                int to = Math.min(from + CHUNK, table.rows().size());
                Tally next = tally.copy();
                List<MemberBatchRecorder.Row> rows = new ArrayList<>(to - from);
                for (int r = from; r < to; r++) {
                    try {
                        rows.add(new MemberBatchRecorder.Row(r + 1, details(table.rows().get(r), column,
                                table.header().size())));
                    } catch (ProblemException refusal) {
                        next.fail(r + 1, refusal);
                    }
                }
                long started = System.nanoTime();
                tally = record(jobId, rows, caller, next);
                LOG.debugf("Import %s: %d rows recorded in %d ms", jobId, rows.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            Tally done = tally;
            QuarkusTransaction.requiringNew().run(() -> writeProgress(jobId, ImportJob.Status.completed, done));
        } catch (LostJob e) {
            LOG.infof("Import %s: taken over by another instance, or ended, meanwhile", jobId);
        } catch (RuntimeException e) {
            if (stopping) {
                return; // the service is going away under it: taken over later, not failed
            }
            // Not the exception's message: a database's may quote a row's values.
            LOG.errorf("Import %s failed: %s", jobId, e.getClass().getName());
            Tally failed = tally;
            try {
                QuarkusTransaction.requiringNew().run(() -> writeProgress(jobId, ImportJob.Status.failed, failed));
            } catch (RuntimeException unrecorded) {
                // Its lease is no longer renewed (below): the job is taken over and goes on when it runs out.
                LOG.warnf("Import %s: its failure could not be recorded: %s", jobId, unrecorded.getClass().getName());
            }
        } finally {
            mine.remove(jobId);
        }
    }

    /**
     * One chunk in one transaction with the job's progress, set-based; if the database refuses it (a concurrent
     * write), row by row. Returns the totals after the chunk.
     */
    private Tally record(UUID jobId, List<MemberBatchRecorder.Row> rows, Caller caller, Tally before) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Tally after = before.copy();
                batch.record(rows, caller, BranchDirectory.load()).forEach(after::count);
                writeProgress(jobId, ImportJob.Status.running, after);
                return after;
            });
        } catch (LostJob e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debugf("Import %s: a chunk of %d rows is retried row by row (%s)", jobId, rows.size(),
                    e.getClass().getSimpleName());
        }
        // Each row commits alone, the progress after them all: a stop in between repeats some rows, which are
        // then found and counted unchanged. (A row's own progress would not do: the chunk's unreadable rows are
        // counted already, and the job's count of processed rows is where it goes on.)
        Tally after = before.copy();
        for (MemberBatchRecorder.Row row : rows) {
            try {
                after.count(QuarkusTransaction.requiringNew().call(() -> membership.record(row.details(), caller)));
            } catch (ProblemException refusal) {
                after.fail(row.number(), refusal);
            } catch (RuntimeException rowFailure) {
                after.fail(row.number(), ProblemException.conflict("conflict", "conflicts with a concurrent change"));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> writeProgress(jobId, ImportJob.Status.running, after));
        return after;
    }

    private MemberDetails details(List<String> row, Map<String, Integer> column, int width) {
        if (row.size() != width) {
            throw ProblemException.badRequest("row", "has " + row.size() + " fields; the header has " + width);
        }
        MemberDetails details = new MemberDetails(value(row, column, "givenName"), value(row, column, "familyName"),
                value(row, column, "email"), value(row, column, "phone"), value(row, column, "postcode"),
                parse(value(row, column, "membershipType"), "membershipType", MembershipType::valueOf),
                parse(value(row, column, "branchId"), "branchId", UUID::fromString),
                value(row, column, "origin"), value(row, column, "externalId"),
                parse(value(row, column, "duesPaidUntil"), "duesPaidUntil", LocalDate::parse), null, null,
                addressLines(row, column), value(row, column, "locality"), value(row, column, "region"));
        Set<ConstraintViolation<MemberDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            ConstraintViolation<MemberDetails> first = violations.stream()
                    .min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            throw ProblemException.badRequest(first.getPropertyPath().toString(), first.getMessage());
        }
        return details;
    }

    /** addressLine1..3, blanks dropped; null (address left as it is) when the file has none of them. */
    private static List<String> addressLines(List<String> row, Map<String, Integer> column) {
        List<String> lines = new ArrayList<>();
        boolean anyColumn = false;
        for (String name : List.of("addressLine1", "addressLine2", "addressLine3")) {
            anyColumn |= column.containsKey(name);
            String line = value(row, column, name);
            if (line != null) {
                // One line is one line: a quoted cell may hold a line break, which the address must not.
                lines.add(line.replaceAll("[\\r\\n]+", " "));
            }
        }
        return anyColumn ? lines : null;
    }

    private static String value(List<String> row, Map<String, Integer> column, String name) {
        Integer index = column.get(name);
        if (index == null) {
            return null;
        }
        String value = row.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static <T> T parse(String value, String field, java.util.function.Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(field, "is not a valid " + field);
        }
    }

    private static void checkHeader(List<String> header) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : header) {
            if (!seen.add(name)) {
                throw ProblemException.badRequest("header", "column " + name + " appears twice");
            }
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                unknown.add(name);
            }
        }
        List<String> missing = REQUIRED.stream().filter(r -> !seen.contains(r)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw ProblemException.badRequest("header", (missing.isEmpty() ? "" : "missing columns " + missing + "; ")
                    + (unknown.isEmpty() ? "" : "unknown columns " + unknown + "; ")
                    + "required: " + REQUIRED + ", optional: " + OPTIONAL);
        }
    }

    /**
     * Writes the job's progress in the caller's transaction, first making sure this instance still runs the job
     * and it has not ended (the row stays locked until the commit, so a takeover waits for it); a job's end also
     * deletes its file.
     */
    private void writeProgress(UUID jobId, ImportJob.Status status, Tally tally) {
        ImportJob job = ImportJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !instance.equals(job.runner) || !job.isUnfinished()) {
            throw new LostJob();
        }
        OffsetDateTime now = SuiteClock.timestamp(clock);
        job.status = status.name();
        job.processed = tally.processed;
        job.created = tally.created;
        job.updated = tally.updated;
        job.unchanged = tally.unchanged;
        job.failed = tally.failed;
        job.errors = List.copyOf(tally.errors);
        job.heartbeatAt = now;
        if (status == ImportJob.Status.completed || status == ImportJob.Status.failed) {
            end(job, status, now);
        }
    }

    /** A job's end: its status and time, and its file (personal data) deleted. */
    private void end(ImportJob job, ImportJob.Status status, OffsetDateTime now) {
        job.status = status.name();
        job.finishedAt = now;
        job.heartbeatAt = now;
        files.delete(job.id);
    }

    /** This instance no longer runs the job: another took it over (this one had been silent too long), or it ended. */
    private static final class LostJob extends RuntimeException {
        LostJob() {
            super(null, null, false, false);
        }
    }
}
