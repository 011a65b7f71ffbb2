package org.grassroots.events.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.patch.MergePatches;
import org.grassroots.events.domain.AddressVisibility;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.service.EventSearch;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.security.Caller;
import org.grassroots.events.service.EventCatalogueService;
import org.grassroots.events.service.EventService;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.openapi.ResponseHeaders;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.patch.JsonMergePatch;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.rest.Created;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/events")
@Tag(name = "Events", description = "Community events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventCatalogueService catalogue;

    @Inject
    EventService events;

    @Inject
    Callers callers;

    @Inject
    org.grassroots.events.service.RsvpService rsvps;

    @Inject
    MergePatches patches;

    @GET
    @PermitAll
    // Anonymous callers, and callers with a token (who may see more).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listEvents",
            summary = "Search published events", description = "Role: public (no token): published public "
            + "events; with a token also members-only ones; organisers (their branch) and admins may list drafts, "
            + "cancelled and completed events with status. Filters combine: town, postcode area/district/sector, "
            + "a point and radius, a start date range, type, campaign, branch. Ordered by start time; "
            + "cursor-paginated. No street addresses or personal data.")
    @APIResponse(responseCode = "403", description = "A status other than published, not for this caller")
    @APIResponseSchema(value = EventPage.class, responseDescription = "A page of events")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor")
    public EventPage list(@Parameter(description = "Town, case-insensitive", example = "Plymouth")
                          @QueryParam("town") String town,
                          @Parameter(description = "Postcode area (PL), district (PL4) or sector (PL4 8)")
                          @QueryParam("postcode") String postcode,
                          @Parameter(description = "Latitude of the point to search near") @QueryParam("lat") String lat,
                          @Parameter(description = "Longitude of the point") @QueryParam("lon") String lon,
                          @Parameter(description = "Radius around the point in km (at most 500)")
                          @QueryParam("radiusKm") String radiusKm,
                          @Parameter(description = "Starting at or after: a date (YYYY-MM-DD, UTC) or date-time")
                          @QueryParam("from") String from,
                          @Parameter(description = "Starting on or before this date (YYYY-MM-DD, UTC), or before "
                                  + "this date-time") @QueryParam("to") String to,
                          @QueryParam("type") EventType type,
                          @Parameter(description = "Campaign id") @QueryParam("campaign") String campaign,
                          @Parameter(description = "Host branch id") @QueryParam("branch") String branch,
                          @Parameter(description = "published (default); draft, cancelled or completed for the "
                                  + "branch's organisers (with branch) and admins") @QueryParam("status") EventStatus status,
                          @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                          @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (town != null && town.length() > 100) {
            throw ProblemException.badRequest("town", "must be at most 100 characters");
        }
        EventSearch search = new EventSearch(town == null || town.isBlank() ? null : town,
                EventSearch.postcodePrefix(postcode), EventSearch.near(number("lat", lat), number("lon", lon), number("radiusKm", radiusKm)),
                time("from", from, false), time("to", to, true), type, uuid("campaign", campaign), uuid("branch", branch), status);
        Page<EventSummary> page = catalogue.search(search, PageRequest.of(limit, cursor, 2), callers.current())
                .map(EventSummary::of);
        return new EventPage(page.items(), page.nextCursor());
    }

    // Query parameters are parsed here, not by JAX-RS, so that a malformed one is a 400 naming it (not a 404).
    private static Double number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                throw new NumberFormatException(value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "must be a number");
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    /** A date means its start in UTC ({@code to}: the start of the next day, so the day is included). */
    private static OffsetDateTime time(String field, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw ProblemException.badRequest(field, "must be a date (YYYY-MM-DD) or an ISO-8601 date-time");
            }
        }
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "createEvent",
            summary = "Create an event", description = "Roles: organiser (their own branch hosts it), admin "
            + "(branchId required). A draft unless status is published; publishing publishes "
            + "org.grassroots.event.scheduled.v1.")
    @APIResponseSchema(value = EventView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "Invalid body: e.g. endsAt not after startsAt, unknown type, "
            + "text too long")
    @APIResponse(responseCode = "403", description = "Another branch's event")
    @APIResponse(responseCode = "413", description = "Body too large")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewEventRequest request,
                           @Context UriInfo uri) {
        Event event = events.create(request.details(), callers.current());
        return Response.created(Created.location(uri, event.id))
                .tag(etag(event)).entity(EventView.of(event, true, true)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    // Anonymous callers, and callers with a token (who may see more).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "getEvent",
            summary = "Read an event", description = "Role: public for published public events; members-only "
            + "events need a token; drafts are seen by those who manage them. The street address is shown when it "
            + "is public, to attendees and to organisers.")
    @APIResponseSchema(value = EventView.class, responseDescription = "The event")
    @APIResponse(responseCode = "404", description = "No such event (or not one this caller may see)")
    public Response get(@PathParam("id") UUID id) {
        Caller caller = callers.current();
        Event event = events.visible(id, caller);
        boolean manages = event.isManagedBy(caller);
        boolean address = manages || event.addressVisibility == AddressVisibility.public_
                || rsvps.isAttendee(event, caller);
        return Response.ok(EventView.of(event, address, manages)).tag(etag(event)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "updateEvent",
            summary = "Change an event", description = "Roles: organiser (host branch), admin. JSON Merge Patch; "
            + "If-Match with the ETag is honoured. Publishes scheduled (draft -> published), updated (a published "
            + "event changed or completed) or cancelled.")
    @APIResponseSchema(value = EventView.class, responseDescription = "The changed event")
    @APIResponse(responseCode = "400", description = "Invalid patch")
    @APIResponse(responseCode = "403", description = "Another branch's event")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "422", description = "The lifecycle does not allow this status, or the event is "
            + "cancelled or completed")
    @RequestBody(content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = EventPatchRequest.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        EventPatchRequest request = EventPatchRequest.read(patch, patches);
        Event event = events.update(id, request.details(), JsonMergePatch.ifMatchVersion(ifMatch), callers.current());
        return Response.ok(EventView.of(event, true, true)).tag(etag(event)).build();
    }

    static EntityTag etag(Event event) {
        return new EntityTag(Long.toString(event.version));
    }
}
