package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.ConsentRecord;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MemberRedirect;
import org.grassroots.members.domain.OfficeHolding;
import org.grassroots.members.domain.StatusChange;
import org.grassroots.members.messaging.MemberEvents;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import java.time.Clock;

/**
 * Merges a duplicate record into the one that survives: the survivor keeps its own details, fills gaps from the
 * duplicate, gains its consent ledger, tags and roles; the duplicate's id becomes a redirect.
 */
@ApplicationScoped
public class MergeService {

    @Inject
    Clock clock;

    @Inject
    MemberEvents events;

    @Transactional
    public Member merge(UUID survivorId, UUID duplicateId, Caller caller) {
        if (survivorId.equals(duplicateId)) {
            throw ProblemException.unprocessable("merge-into-itself", "A record cannot be merged into itself");
        }
        Member survivor = Member.require(survivorId);
        Member duplicate = Member.<Member>findByIdOptional(duplicateId)
                .orElseThrow(() -> ProblemException.unprocessable("unknown-duplicate",
                        "Member " + duplicateId + " does not exist (or was merged already)"));
        if (!survivor.isManagedBy(caller) || !duplicate.isManagedBy(caller)) {
            throw ProblemException.forbidden("Merging needs the right to manage both records");
        }
        OffsetDateTime now = SuiteClock.timestamp(clock);
        boolean survivorHasAddress = survivor.addressLines.length > 0 || survivor.postcode != null;
        survivor.phone = survivor.phone != null ? survivor.phone : duplicate.phone;
        survivor.postcode = survivor.postcode != null ? survivor.postcode : duplicate.postcode;
        survivor.branchId = survivor.branchId != null ? survivor.branchId : duplicate.branchId;
        survivor.duesPaidUntil = later(survivor.duesPaidUntil, duplicate.duesPaidUntil);
        if (duplicate.joinedAt.isBefore(survivor.joinedAt)) {
            survivor.joinedAt = duplicate.joinedAt;
        }
        String externalId = survivor.externalId != null ? null : duplicate.externalId;
        // The duplicate's addresses and numbers become the survivor's additional ones: nothing is lost, and a
        // later signup with any of them finds the survivor.
        java.util.Set<String> emails = new java.util.TreeSet<>(duplicate.additionalEmails);
        emails.add(duplicate.email);
        emails.removeIf(e -> Member.normaliseEmail(e).equals(survivor.emailNormalised) || survivor.additionalEmails
                .stream().anyMatch(own -> Member.normaliseEmail(own).equals(Member.normaliseEmail(e))));
        survivor.additionalPhones.addAll(duplicate.additionalPhones);
        if (duplicate.phone != null) {
            survivor.additionalPhones.add(duplicate.phone);
        }
        if (survivor.phone != null) {
            survivor.additionalPhones.remove(survivor.phone);
        }
        if (!survivorHasAddress) {
            survivor.addressLines = duplicate.addressLines;
            survivor.locality = duplicate.locality;
            survivor.region = duplicate.region;
        }
        survivor.tags.addAll(duplicate.tags);
        survivor.roles.addAll(duplicate.roles);
        survivor.updatedAt = now;
        ConsentRecord.update("memberId = ?1 where memberId = ?2", survivorId, duplicateId);
        OfficeHolding.update("memberId = ?1 where memberId = ?2", survivorId, duplicateId);
        StatusChange.delete("memberId", duplicateId);
        duplicate.delete();
        Member.flush(); // the duplicate's unique email and external id are gone before the survivor takes them
        survivor.additionalEmails.addAll(emails);
        if (externalId != null) {
            survivor.externalId = externalId;
        }
        MemberRedirect.update("survivorId = ?1 where survivorId = ?2", survivorId, duplicateId);
        MemberRedirect redirect = new MemberRedirect();
        redirect.mergedId = duplicateId;
        redirect.survivorId = survivorId;
        redirect.mergedAt = now;
        redirect.persist();
        events.merged(survivor, duplicateId, now);
        return survivor;
    }

    /** Where a merged id now lives. */
    public Optional<UUID> redirectOf(UUID id) {
        return MemberRedirect.<MemberRedirect>findByIdOptional(id).map(r -> r.survivorId);
    }

    private static java.time.LocalDate later(java.time.LocalDate a, java.time.LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
