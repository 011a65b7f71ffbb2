package org.grassroots.members.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.ContactChannel;
import org.grassroots.members.domain.ContactPurpose;
import org.grassroots.members.domain.MembershipStatus;
import org.grassroots.members.domain.MembershipType;
import org.grassroots.members.domain.PartyRole;
import org.grassroots.members.service.MemberQueries;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The filters of the member list and the CSV export; absent means any. */
public class MemberQuery {

    @Parameter(description = "Branch id")
    @QueryParam("branch")
    UUID branch;

    @QueryParam("status")
    MembershipStatus status;

    @QueryParam("type")
    MembershipType type;

    @Parameter(description = "An email address: the person recorded with it (case and spaces ignored)")
    @QueryParam("email")
    String email;

    @Parameter(description = "ISO-8601 date-time: members who joined at or after it")
    @QueryParam("joinedSince")
    String joinedSince;

    @Parameter(description = "ISO-8601 date-time: members changed at or after it")
    @QueryParam("updatedSince")
    String updatedSince;

    @Parameter(description = "channel:purpose, e.g. email:campaigning: only people whose current consent allows it")
    @QueryParam("consent")
    String consent;

    @QueryParam("tag")
    String tag;

    @QueryParam("role")
    PartyRole role;

    MemberQueries.MemberFilter filter() {
        ContactChannel channel = null;
        ContactPurpose purpose = null;
        if (consent != null && !consent.isBlank()) {
            try {
                String[] parts = consent.split(":", 2);
                channel = ContactChannel.valueOf(parts[0]);
                purpose = ContactPurpose.valueOf(parts[1]);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.badRequest("consent", "must be channel:purpose, e.g. email:campaigning");
            }
        }
        return new MemberQueries.MemberFilter(branch, status, type, blankToNull(email),
                dateTime("joinedSince", joinedSince), dateTime("updatedSince", updatedSince), channel, purpose,
                blankToNull(tag), role);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static OffsetDateTime dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 date-time with offset, e.g. 2022-11-26T00:00:00Z");
        }
    }
}
