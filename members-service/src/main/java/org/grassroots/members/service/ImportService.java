package org.grassroots.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.members.domain.CsvTable;
import org.grassroots.members.domain.ImportJob;
import org.jboss.logging.Logger;
import org.grassroots.kit.security.Caller;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CSV import as a job: the header is checked up front (a wrong one changes nothing), then the rows are recorded
 * with the same de-duplication as the API, a chunk per transaction ({@link ImportRunner}); a refused row costs only
 * itself and a re-upload of the same file changes nothing. Row errors name the row and field, never the row's
 * content ({@link ImportRows}).
 *
 * <p>A job survives a restart: its file is kept until it ends, and each chunk commits with the job's progress, so
 * the job can go on from the first row not yet recorded, here or on another instance once its lease runs out
 * ({@link ImportLeases}).
 */
@ApplicationScoped
public class ImportService {

    public static final int MAX_ROWS = 200_000;
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @Inject
    Clock clock;

    @Inject
    ImportFiles files;

    @Inject
    ImportLeases leases;

    @Inject
    ImportRunner runner;

    @Inject
    ValidatorFactory validators;

    private Validator validator;

    private final ScheduledExecutorService leaseRounds = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("member-import-leases").daemon().factory());

    @PostConstruct
    void createValidator() {
        validator = ImportRows.validator(validators);
    }

    /** At start (a restart's jobs are taken over once their lease runs out), then every third of the lease. */
    void startLeases(@Observes StartupEvent started) {
        leaseRounds.scheduleWithFixedDelay(this::renewAndTakeOver, 0, leases.lease().toMillis() / 3,
                TimeUnit.MILLISECONDS);
    }

    /** On a shutdown event, not at the bean's destruction: the database and transactions are still there. */
    void stop(@Observes ShutdownEvent stopped) {
        leaseRounds.shutdownNow();
        try {
            if (runner.stop()) {
                // Its lease given up, a job cut short here is taken over as soon as an instance starts.
                leases.giveUpAll();
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
        leases.renew();
    }

    /**
     * Takes over every unfinished job whose lease has run out, and goes on with it from its first row not yet
     * recorded (a job whose file is gone fails, saying so). Returns how many it took over.
     */
    public int takeOverStalledJobs() {
        List<UUID> claimed = leases.claimStalled();
        claimed.forEach(this::resume);
        return claimed.size();
    }

    private void resume(UUID jobId) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(jobId));
        byte[] content = QuarkusTransaction.requiringNew().call(() -> files.load(jobId));
        ImportTally tally = ImportTally.of(job);
        if (content == null || job.callerRoles == null) {
            LOG.warnf("Import %s was interrupted and its file is not kept: it fails", jobId);
            tally.errors.add(new ImportJob.RowError(0, "file", "The import was interrupted and its file is no "
                    + "longer kept; upload the file again (rows already imported are found, not repeated)"));
            leases.hold(jobId);
            try {
                runner.fail(jobId, tally);
            } finally {
                leases.release(jobId);
            }
            return;
        }
        LOG.infof("Import %s: taken over at row %d of %d", jobId, tally.processed, job.total);
        Caller caller = new Caller(job.callerSubject, Set.of(job.callerRoles), job.callerBranchId);
        CsvTable table = CsvTable.parse(new String(content, StandardCharsets.UTF_8));
        runner.submit(jobId, table, new ImportRows(table.header(), validator), caller, tally);
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
                runner.end(job, ImportJob.Status.failed, now);
            } else {
                files.delete(jobId); // (a file outliving its job's end; not expected, and not to be kept)
            }
        }
        return holding.size();
    }

    public ImportJob start(String csv, Caller caller) {
        CsvTable table = CsvTable.parse(csv);
        ImportRows rows = new ImportRows(table.header(), validator);
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
            created.runner = leases.instance();
            created.heartbeatAt = created.createdAt;
            created.persist();
            files.store(created.id, csv.getBytes(StandardCharsets.UTF_8));
            return created;
        });
        runner.submit(job.id, table, rows, caller, new ImportTally());
        return job;
    }

    public ImportJob find(UUID id) {
        return ImportJob.<ImportJob>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Import " + id));
    }
}
