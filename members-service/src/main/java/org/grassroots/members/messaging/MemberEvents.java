package org.grassroots.members.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.erasure.ErasureDigests;
import org.grassroots.kit.outbox.Outbox;
import org.grassroots.kit.outbox.OutboxMessage;
import org.grassroots.members.domain.ConsentRecord;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.StatusChange;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The member lifecycle events, published through the outbox in the caller's transaction. Payloads carry ids and
 * membership state only: no names or contact details.
 */
@ApplicationScoped
public class MemberEvents {

    /** {@code org.grassroots.member.joined.v1} */
    public record JoinedV1(UUID memberId, String status, String membershipType, UUID branchId,
                           OffsetDateTime joinedAt) {
    }

    /** {@code org.grassroots.member.updated.v1} */
    public record UpdatedV1(UUID memberId, String membershipType, UUID branchId, List<String> roles,
                            OffsetDateTime updatedAt) {
    }

    /** {@code org.grassroots.member.status-changed.v1} */
    public record StatusChangedV1(UUID memberId, String fromStatus, String toStatus, String kind,
                                  OffsetDateTime changedAt) {
    }

    /**
     * {@code org.grassroots.member.erased.v1}: remove every copy of this person. {@code emailDigests} (keyed: see
     * {@link ErasureDigests}, under the current and any previous secret) find the copies held without the member id, such
     * as an RSVP made as a member of the public, without the event carrying the addresses.
     */
    public record ErasedV1(UUID memberId, List<String> emailDigests, OffsetDateTime erasedAt) {
    }

    /**
     * {@code org.grassroots.person.erased.v1}: an erasure by email address of someone who is not a member; the
     * address travels only as its digests, as in {@link ErasedV1}.
     */
    public record PersonErasedV1(UUID erasureId, List<String> emailDigests, OffsetDateTime erasedAt) {
    }

    /** {@code org.grassroots.member.consent-changed.v1}: whether the person may be contacted on a channel for a purpose. */
    public record ConsentChangedV1(UUID memberId, String channel, String purpose, boolean granted,
                                   OffsetDateTime recordedAt) {
    }

    /** {@code org.grassroots.member.state.v1} on the compacted state topic. */
    public record StateV1(UUID memberId, String status, String membershipType, UUID branchId, List<String> roles,
                          OffsetDateTime updatedAt) {
    }

    /** {@code org.grassroots.member.merged.v1}: {@code mergedMemberId} is now {@code memberId}. */
    public record MergedV1(UUID memberId, UUID mergedMemberId, OffsetDateTime mergedAt) {
    }

    @Inject
    Outbox outbox;

    @Inject
    ErasureDigests erasureDigests;

    public void joined(Member member) {
        outbox.recordAll(joinedMessages(member));
    }

    /** member.joined and the new state: for a bulk writer to record with {@link Outbox#recordAll}. */
    public List<OutboxMessage> joinedMessages(Member member) {
        return List.of(new OutboxMessage(Topics.MEMBERS, member.id.toString(), EventTypes.MEMBER_JOINED,
                        new JoinedV1(member.id, member.status.name(), member.membershipType.name(), member.branchId,
                                member.joinedAt)),
                stateMessage(member));
    }

    /** The member's latest state on the compacted topic; call after every change. */
    public void state(Member member) {
        outbox.record(stateMessage(member));
    }

    private static OutboxMessage stateMessage(Member member) {
        return new OutboxMessage(Topics.MEMBER_STATE, member.id.toString(), EventTypes.MEMBER_STATE,
                new StateV1(member.id, member.status.name(), member.membershipType.name(), member.branchId,
                        roles(member), member.updatedAt));
    }

    private static List<String> roles(Member member) {
        return member.roles.stream().map(Enum::name).sorted().toList();
    }

    public void updated(Member member) {
        outbox.recordAll(updatedMessages(member));
    }

    /** member.updated and the new state: for a bulk writer to record with {@link Outbox#recordAll}. */
    public List<OutboxMessage> updatedMessages(Member member) {
        return List.of(new OutboxMessage(Topics.MEMBERS, member.id.toString(), EventTypes.MEMBER_UPDATED,
                        new UpdatedV1(member.id, member.membershipType.name(), member.branchId, roles(member),
                                member.updatedAt)),
                stateMessage(member));
    }

    public void merged(Member survivor, UUID mergedId, OffsetDateTime at) {
        outbox.record(Topics.MEMBERS, mergedId.toString(), EventTypes.MEMBER_MERGED,
                new MergedV1(survivor.id, mergedId, at));
        outbox.record(Topics.MEMBER_STATE, mergedId.toString(), EventTypes.MEMBER_STATE, null);
        state(survivor);
    }

    /** @param emails every address the person had, primary and additional */
    public void erased(UUID memberId, Collection<String> emails, OffsetDateTime erasedAt) {
        List<String> digests = erasureDigests.toSend(emails);
        outbox.record(Topics.MEMBERS, memberId.toString(), EventTypes.MEMBER_ERASED,
                new ErasedV1(memberId, digests, erasedAt));
        outbox.record(Topics.MEMBER_STATE, memberId.toString(), EventTypes.MEMBER_STATE, null);
    }

    public void personErased(UUID erasureId, Collection<String> emails, OffsetDateTime erasedAt) {
        outbox.record(Topics.MEMBERS, erasureId.toString(), EventTypes.PERSON_ERASED,
                new PersonErasedV1(erasureId, erasureDigests.toSend(emails), erasedAt));
    }

    public void consentChanged(ConsentRecord record) {
        outbox.record(Topics.MEMBERS, record.memberId.toString(), EventTypes.MEMBER_CONSENT_CHANGED,
                new ConsentChangedV1(record.memberId, record.channel.name(), record.purpose.name(), record.granted,
                        record.recordedAt));
    }

    public void statusChanged(Member member, StatusChange change) {
        outbox.record(Topics.MEMBERS, change.memberId.toString(), EventTypes.MEMBER_STATUS_CHANGED,
                new StatusChangedV1(change.memberId, change.fromStatus == null ? null : change.fromStatus.name(),
                        change.toStatus.name(), change.kind.name(), change.changedAt));
        state(member);
    }
}
