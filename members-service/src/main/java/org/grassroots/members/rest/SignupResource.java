package org.grassroots.members.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.members.service.SignupService;

/** The public join form: no credentials, one answer for every outcome. */
@Path("/signups")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class SignupResource {

    @Schema(name = "SignupReceipt", description = "The same for every signup that is well-formed")
    public record SignupReceipt(@Schema(enumeration = "received") String status, String message) {
        static final SignupReceipt RECEIVED = new SignupReceipt("received",
                "Thank you for signing up. Someone from your local branch will be in touch.");
    }

    @Inject
    SignupService signups;

    @POST
    @PermitAll
    // Needs no credentials, but the gateway still checks any that are sent (a bad token 401, a key without a
    // members scope 403).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signUp", summary = "Sign up on a website's join form (public)",
            description = "No credentials; rate-limited per client address at the gateway. Creates a pending "
                    + "supporter (with the consents given) that an organiser confirms by activating it; a signup with "
                    + "the address of a pending supporter refreshes that record; one with the address of a confirmed "
                    + "person changes nothing. The answer is the same 202 in every case, so the form reveals nothing "
                    + "about who is already known.")
    @APIResponseSchema(value = SignupReceipt.class, responseCode = "202", responseDescription = "Received")
    public Response signUp(@Valid @NotNull SignupRequest request) {
        signups.signUp(request.toSignup());
        return Response.accepted(SignupReceipt.RECEIVED).build();
    }
}
