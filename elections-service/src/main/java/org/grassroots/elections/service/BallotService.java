package org.grassroots.elections.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.domain.ElectionId;
import org.grassroots.elections.domain.ElectionLevel;
import org.grassroots.elections.domain.Post;
import org.grassroots.kit.problem.ProblemException;

import java.util.UUID;

/** Ballots: the lowest level of the hierarchy, one post contested on one ballot paper. */
@ApplicationScoped
public class BallotService {

    @Inject
    ElectionService elections;

    @Transactional
    public Election create(String ballotPaperId, String name, UUID postId, Integer winnerCount) {
        ElectionId id = ElectionService.parse("ballotPaperId", ballotPaperId);
        if (id.level() != ElectionLevel.ballot) {
            throw ProblemException.badRequest("ballotPaperId", id.value() + " names a "
                    + id.level().name().replace('_', ' ') + ", not a ballot");
        }
        Post post = Post.<Post>findByIdOptional(postId).orElseThrow(() -> ProblemException.unprocessable(
                "post-missing", "Post " + postId + " does not exist"));
        if (id.organisation() != null && !id.organisation().equals(post.organisation.slug)) {
            throw ProblemException.unprocessable("post-mismatch", "The ballot is for organisation '"
                    + id.organisation() + "' but the post belongs to '" + post.organisation.slug + "'");
        }
        if (id.division() != null && !id.division().equals(post.slug)) {
            throw ProblemException.unprocessable("post-mismatch", "The ballot is for division '" + id.division()
                    + "' but the post is '" + post.slug + "'");
        }
        int winners = winnerCount == null ? (id.byElection() ? 1 : post.seats) : winnerCount;
        checkWinners(winners, post);
        Election ballot = elections.record(id, name != null ? name
                : post.name + (id.byElection() ? " by-election" : "") + " " + id.pollDate());
        ballot.post = post;
        ballot.winnerCount = winners;
        return ballot;
    }

    private static void checkWinners(int winners, Post post) {
        if (winners > post.seats) {
            throw ProblemException.unprocessable("too-many-winners", "The ballot elects " + winners + " but "
                    + post.name + " has " + post.seats + " seat(s)");
        }
    }

    public Election find(String ballotPaperId) {
        Election ballot = elections.find(ballotPaperId);
        if (!ballot.isBallot()) {
            throw ProblemException.notFound("Ballot " + ballotPaperId);
        }
        return ballot;
    }

    /**
     * Changes what is given (null: unchanged).
     *
     * @param expectedVersion the If-Match version, or null to skip the check
     */
    @Transactional
    public Election change(String ballotPaperId, Integer winnerCount, Boolean candidatesLocked, Boolean cancelled,
                           Long expectedVersion) {
        Election ballot = find(ballotPaperId);
        if (expectedVersion != null && expectedVersion != ballot.version) {
            throw ProblemException.preconditionFailed(
                    "The ballot was changed meanwhile (If-Match does not match its ETag); read it again");
        }
        if (winnerCount != null) {
            checkWinners(winnerCount, ballot.post);
            ballot.winnerCount = winnerCount;
        }
        if (candidatesLocked != null) {
            ballot.candidatesLocked = candidatesLocked;
        }
        if (cancelled != null) {
            ballot.cancelled = cancelled;
        }
        return ballot;
    }
}
