package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.kit.subjectaccess.SubjectAccess;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "SubjectAccessExport", description = "Everything the suite holds about one person (UK GDPR Art. 15): "
        + "members-service's record, history and consent ledger, and what events-service (RSVPs, attendance, feedback "
        + "contacts) and elections-service (candidacies, office-holdings) hold, each asked over HTTP.")
public record SubjectAccessExport(OffsetDateTime exportedAt, MemberView person, List<StatusChangeView> statusHistory,
                                  List<ConsentView> consentLedger, SubjectAccess.EventsHoldings events,
                                  SubjectAccess.ElectionsHoldings elections,
                                  @Schema(description = "The services this export covers") List<String> sources) {
}
