package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.ErasureRecord;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Erasure", description = "The record that a person was erased: no personal data.")
public record ErasureView(UUID memberId, OffsetDateTime erasedAt) {

    static ErasureView of(ErasureRecord record) {
        return new ErasureView(record.memberId, record.erasedAt);
    }
}
