package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.ConsentRecord;
import org.grassroots.members.domain.ContactChannel;
import org.grassroots.members.domain.ContactPurpose;
import org.grassroots.members.domain.LawfulBasis;

import java.time.OffsetDateTime;

@Schema(name = "Consent", description = "One consent-ledger entry.")
public record ConsentView(ContactChannel channel, ContactPurpose purpose, boolean granted, LawfulBasis lawfulBasis,
                          String source, OffsetDateTime recordedAt) {

    static ConsentView of(ConsentRecord r) {
        return new ConsentView(r.channel, r.purpose, r.granted, r.lawfulBasis, r.source, r.recordedAt);
    }
}
