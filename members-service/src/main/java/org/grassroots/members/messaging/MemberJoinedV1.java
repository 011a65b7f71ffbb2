package org.grassroots.members.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Payload of {@code org.grassroots.member.joined.v1}: ids and state only, no contact details. */
public record MemberJoinedV1(UUID memberId, String status, OffsetDateTime joinedAt) {
}
