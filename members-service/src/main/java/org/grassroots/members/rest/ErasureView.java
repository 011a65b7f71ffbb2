package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.ErasureRecord;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Erasure", description = "The record that a person was erased: no personal data.")
public record ErasureView(UUID id,
                          @Schema(enumeration = {"member", "email"},
                                  description = "member: erased by member id; email: a person who was not a member, "
                                          + "erased by email address") String subject,
                          @Schema(nullable = true, description = "The erased member; null for an erasure by email")
                          UUID memberId,
                          OffsetDateTime erasedAt) {

    static ErasureView of(ErasureRecord record) {
        return new ErasureView(record.id, record.subject, record.memberId, record.erasedAt);
    }
}
