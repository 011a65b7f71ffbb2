package org.grassroots.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.jboss.logging.Logger;

import java.lang.annotation.ElementType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * CSV import as a job: the header is checked up front (a wrong one changes nothing), then the rows are recorded
 * with the same de-duplication as the API, a chunk per transaction; a refused row costs only itself and a
 * re-upload of the same file changes nothing. Row errors name the row and field, never the row's content.
 */
@ApplicationScoped
public class ImportService {

    public static final List<String> REQUIRED = List.of("givenName", "familyName", "email");
    public static final List<String> OPTIONAL = List.of("phone", "postcode", "membershipType", "branchId", "origin",
            "externalId", "duesPaidUntil", "addressLine1", "addressLine2", "addressLine3", "locality", "region");
    public static final int MAX_ROWS = 200_000;
    private static final int MAX_ERRORS = 1_000;
    /** Rows per transaction: large enough that per-statement costs vanish, small enough to redo on a conflict. */
    private static final int CHUNK = 2_000;
    /** How often a running job's progress is written: often enough to watch, rarely enough to cost nothing. */
    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @Inject
    MembershipService membership;

    @Inject
    MemberBatchRecorder batch;

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

    @PreDestroy
    void stop() {
        executor.shutdownNow();
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
            created.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            created.persist();
            return created;
        });
        executor.submit(() -> run(job.id, table, caller));
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

    private void run(UUID jobId, CsvTable table, Caller caller) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            column.put(table.header().get(i), i);
        }
        Tally tally = new Tally();
        progress(jobId, ImportJob.Status.running, tally);
        long lastProgress = System.nanoTime();
        try {
            for (int from = 0; from < table.rows().size(); from += CHUNK) {
                int to = Math.min(from + CHUNK, table.rows().size());
                List<MemberBatchRecorder.Row> rows = new ArrayList<>(to - from);
                for (int r = from; r < to; r++) {
                    try {
                        rows.add(new MemberBatchRecorder.Row(r + 1, details(table.rows().get(r), column,
                                table.header().size())));
                    } catch (ProblemException refusal) {
                        tally.fail(r + 1, refusal);
                    }
                }
                long start = System.nanoTime();
                record(jobId, rows, caller, tally);
                if (start - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                    progress(jobId, ImportJob.Status.running, tally);
                    lastProgress = start;
                }
                LOG.debugf("Import %s: %d rows recorded in %d ms", jobId, rows.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            progress(jobId, ImportJob.Status.completed, tally);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", jobId);
            progress(jobId, ImportJob.Status.failed, tally);
        }
    }

    /** One chunk in one transaction, set-based; if the database refuses it (a concurrent write), row by row. */
    private void record(UUID jobId, List<MemberBatchRecorder.Row> rows, Caller caller, Tally tally) {
        List<MemberBatchRecorder.Outcome> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew()
                    .call(() -> batch.record(rows, caller, BranchDirectory.load()));
        } catch (RuntimeException e) {
            LOG.debugf("Import %s: a chunk of %d rows is retried row by row (%s)", jobId, rows.size(),
                    e.getClass().getSimpleName());
            for (MemberBatchRecorder.Row row : rows) {
                try {
                    tally.count(QuarkusTransaction.requiringNew().call(() -> membership.record(row.details(), caller)));
                } catch (ProblemException refusal) {
                    tally.fail(row.number(), refusal);
                } catch (RuntimeException rowFailure) {
                    tally.fail(row.number(), ProblemException.conflict("conflict", "conflicts with a concurrent change"));
                }
            }
            return;
        }
        outcomes.forEach(tally::count);
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

    private static void progress(UUID jobId, ImportJob.Status status, Tally tally) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(jobId);
            job.status = status.name();
            job.processed = tally.processed;
            job.created = tally.created;
            job.updated = tally.updated;
            job.unchanged = tally.unchanged;
            job.failed = tally.failed;
            job.errors = List.copyOf(tally.errors);
            if (status == ImportJob.Status.completed || status == ImportJob.Status.failed) {
                job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
        });
    }
}
