package org.grassroots.kit.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.TreeSet;

/** Test endpoint: who the verified token says the caller is. */
@Path("/whoami")
@Produces(MediaType.APPLICATION_JSON)
public class WhoAmIResource {

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ORGANISER, Roles.ADMIN})
    public Map<String, Object> whoAmI() {
        Caller caller = callers.current();
        return Map.of("subject", caller.subject(), "roles", new TreeSet<>(caller.roles()),
                "branch", String.valueOf(caller.branchId()));
    }
}
