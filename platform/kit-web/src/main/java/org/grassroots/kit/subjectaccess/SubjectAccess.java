package org.grassroots.kit.subjectaccess;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What events-service and elections-service hold about one person, for members-service's subject-access export
 * (UK GDPR Art. 15). Each answers {@link #PATH} over HTTP (internal: the gateway routes no such path), so the export
 * is assembled without any service reading another's database; the types are shared so that the producers and the
 * export's documented schema are one definition.
 */
public final class SubjectAccess {

    /** The internal path each holding service answers (POST {@link Request}). */
    public static final String PATH = "/internal/subject-access";

    /**
     * The header carrying members-service's grant for the request's addresses: without it, a service answers for the
     * member id only (an address is not proof of whose it is).
     */
    public static final String GRANT_HEADER = "Grassroots-Subject-Access-Grant";

    private SubjectAccess() {
    }

    /** Whom to look for: the member id, and their addresses (for copies kept without the id, such as public RSVPs). */
    public record Request(UUID memberId, List<String> emails) {
    }

    public record EventsHoldings(List<RsvpHeld> rsvps, List<FeedbackContactHeld> feedbackContacts) {
    }

    public record RsvpHeld(UUID rsvpId, UUID eventId, UUID timeslotId, String status, boolean attended,
                           @Schema(nullable = true) OffsetDateTime checkedInAt,
                           @Schema(nullable = true) String givenName, @Schema(nullable = true) String familyName,
                           @Schema(nullable = true) String email, boolean contactConsent, OffsetDateTime createdAt) {
    }

    public record FeedbackContactHeld(UUID feedbackId, UUID eventId, @Schema(nullable = true) String answer,
                                      @Schema(nullable = true) String contactName,
                                      @Schema(nullable = true) String contactEmail,
                                      @Schema(nullable = true) String contactPhone, boolean contactConsent,
                                      OffsetDateTime recordedAt) {
    }

    public record ElectionsHoldings(List<CandidacyHeld> candidacies, List<OfficeHoldingHeld> officeHoldings) {
    }

    public record CandidacyHeld(UUID candidacyId, String ballotId, @Schema(nullable = true) String name, String stage,
                                @Schema(nullable = true) Integer votes, @Schema(nullable = true) Boolean elected) {
    }

    public record OfficeHoldingHeld(UUID officeHolderId, UUID postId, @Schema(nullable = true) String name,
                                    LocalDate startDate, @Schema(nullable = true) LocalDate endDate,
                                    @Schema(nullable = true) String endReason) {
    }
}
