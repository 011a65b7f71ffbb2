package org.grassroots.events.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.grassroots.events.service.Caller;
import org.grassroots.kit.security.TokenCaller;

/** The verified token of the current request (if any), as the service layer's {@link Caller}. */
@RequestScoped
public class Callers {

    @Inject
    TokenCaller token;

    public Caller current() {
        return token.isAnonymous() ? Caller.ANONYMOUS : new Caller(token.subject(), token.roles(), token.branchId());
    }
}
