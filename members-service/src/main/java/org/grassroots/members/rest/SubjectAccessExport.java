package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "SubjectAccessExport", description = "Everything members-service holds about one person (UK GDPR "
        + "Art. 15). Other services hold only ids and membership state.")
public record SubjectAccessExport(OffsetDateTime exportedAt, MemberView person, List<StatusChangeView> statusHistory,
                                  List<ConsentView> consentLedger) {
}
