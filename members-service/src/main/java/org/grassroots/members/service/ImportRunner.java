package org.grassroots.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.members.domain.BranchDirectory;
import org.grassroots.members.domain.CsvTable;
import org.grassroots.members.domain.ImportJob;
import org.jboss.logging.Logger;
import org.grassroots.kit.security.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Records an import's rows, beside the API and not on its threads, one job at a time: from the first row not yet
 * recorded, a chunk per transaction with the job's progress, so a job stopped anywhere goes on where it stopped.
 */
@ApplicationScoped
public class ImportRunner {

    /** Rows per transaction: large enough that per-statement costs vanish, small enough to redo on a conflict. */
    private static final int CHUNK = 2_000;
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    @Inject
    Clock clock;

    @Inject
    MembershipService membership;

    @Inject
    MemberBatchRecorder batch;

    @Inject
    ImportFiles files;

    @Inject
    ImportLeases leases;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("member-import").daemon().factory());

    /** Set when the service stops: a running job stops between two chunks, to be taken over. */
    private volatile boolean stopping;

    /** Queues the job, held by this instance, from {@code start.processed} on. */
    void submit(UUID jobId, CsvTable table, ImportRows rows, Caller caller, ImportTally start) {
        leases.hold(jobId);
        executor.submit(() -> run(jobId, table, rows, caller, start));
    }

    /** Stops between two chunks; true if the running job (if any) stopped within the time given. */
    boolean stop() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        return executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void run(UUID jobId, CsvTable table, ImportRows reader, Caller caller, ImportTally start) {
        ImportTally tally = start;
        try {
            ImportTally running = tally;
            QuarkusTransaction.requiringNew().run(() -> writeProgress(jobId, ImportJob.Status.running, running));
            for (int from = tally.processed; from < table.rows().size(); from += CHUNK) {
                if (stopping) {
                    LOG.infof("Import %s: stopped at row %d of %d, to be taken over", jobId, from,
                            table.rows().size());
                    return;
                }
                int to = Math.min(from + CHUNK, table.rows().size());
                ImportTally next = tally.copy();
                List<MemberBatchRecorder.Row> rows = new ArrayList<>(to - from);
                for (int r = from; r < to; r++) {
                    try {
                        rows.add(new MemberBatchRecorder.Row(r + 1, reader.details(table.rows().get(r))));
                    } catch (ProblemException refusal) {
                        next.fail(r + 1, refusal);
                    }
                }
                long started = System.nanoTime();
                tally = record(jobId, rows, caller, next);
                LOG.debugf("Import %s: %d rows recorded in %d ms", jobId, rows.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            ImportTally done = tally;
            QuarkusTransaction.requiringNew().run(() -> writeProgress(jobId, ImportJob.Status.completed, done));
        } catch (LostJob e) {
            LOG.infof("Import %s: taken over by another instance, or ended, meanwhile", jobId);
        } catch (RuntimeException e) {
            if (stopping) {
                return; // the service is going away under it: taken over later, not failed
            }
            // Not the exception's message: a database's may quote a row's values.
            LOG.errorf("Import %s failed: %s", jobId, e.getClass().getName());
            fail(jobId, tally);
        } finally {
            leases.release(jobId);
        }
    }

    /** Ends the job as failed with these totals, if this instance still runs it. */
    void fail(UUID jobId, ImportTally tally) {
        try {
            QuarkusTransaction.requiringNew().run(() -> writeProgress(jobId, ImportJob.Status.failed, tally));
        } catch (LostJob ended) {
            LOG.infof("Import %s: taken over by another instance, or ended, meanwhile", jobId);
        } catch (RuntimeException unrecorded) {
            // Its lease is no longer renewed: the job is taken over and goes on when it runs out.
            LOG.warnf("Import %s: its failure could not be recorded: %s", jobId, unrecorded.getClass().getName());
        }
    }

    /**
     * One chunk in one transaction with the job's progress, set-based; if the database refuses it (a concurrent
     * write), row by row. Returns the totals after the chunk.
     */
    private ImportTally record(UUID jobId, List<MemberBatchRecorder.Row> rows, Caller caller, ImportTally before) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                ImportTally after = before.copy();
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
        ImportTally after = before.copy();
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

    /**
     * Writes the job's progress in the caller's transaction, first making sure this instance still runs the job
     * and it has not ended (the row stays locked until the commit, so a takeover waits for it); a job's end also
     * deletes its file.
     */
    private void writeProgress(UUID jobId, ImportJob.Status status, ImportTally tally) {
        ImportJob job = ImportJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !leases.runs(job) || !job.isUnfinished()) {
            throw new LostJob();
        }
        OffsetDateTime now = SuiteClock.timestamp(clock);
        job.status = status.name();
        tally.writeTo(job);
        job.heartbeatAt = now;
        if (status == ImportJob.Status.completed || status == ImportJob.Status.failed) {
            end(job, status, now);
        }
    }

    /** A job's end: its status and time, and its file (personal data) deleted. */
    void end(ImportJob job, ImportJob.Status status, OffsetDateTime now) {
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
