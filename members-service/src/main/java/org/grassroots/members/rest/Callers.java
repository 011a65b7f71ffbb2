package org.grassroots.members.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.grassroots.kit.security.TokenCaller;
import org.grassroots.members.service.Caller;

/** The verified token of the current request, as the service layer's {@link Caller}. */
@RequestScoped
public class Callers {

    @Inject
    TokenCaller token;

    public Caller current() {
        return new Caller(token.subject(), token.roles(), token.branchId());
    }
}
