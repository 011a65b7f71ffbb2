package org.grassroots.members.service;

import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.ImportJob;

import java.util.ArrayList;
import java.util.List;

/** Running totals of one import, and its row errors (the first thousand: a file of garbage is not a log of it). */
final class ImportTally {

    static final int MAX_ERRORS = 1_000;

    int processed;
    int created;
    int updated;
    int unchanged;
    int failed;
    final List<ImportJob.RowError> errors = new ArrayList<>();

    /** The totals as the job's last committed chunk left them. */
    static ImportTally of(ImportJob job) {
        ImportTally tally = new ImportTally();
        tally.processed = job.processed;
        tally.created = job.created;
        tally.updated = job.updated;
        tally.unchanged = job.unchanged;
        tally.failed = job.failed;
        tally.errors.addAll(job.errors);
        return tally;
    }

    ImportTally copy() {
        ImportTally copy = new ImportTally();
        copy.processed = processed;
        copy.created = created;
        copy.updated = updated;
        copy.unchanged = unchanged;
        copy.failed = failed;
        copy.errors.addAll(errors);
        return copy;
    }

    /** A refused row: counted, and named with its first field error (never its content). */
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

    /** Writes the totals onto the job (the caller holds its row locked). */
    void writeTo(ImportJob job) {
        job.processed = processed;
        job.created = created;
        job.updated = updated;
        job.unchanged = unchanged;
        job.failed = failed;
        job.errors = List.copyOf(errors);
    }
}
