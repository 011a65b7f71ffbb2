package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.members.domain.Branch;
import org.grassroots.members.domain.ContactChannel;
import org.grassroots.members.domain.ContactPurpose;
import org.grassroots.members.domain.LawfulBasis;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MembershipStatus;
import org.grassroots.members.domain.MembershipType;
import org.grassroots.members.domain.Postcode;
import org.grassroots.members.domain.StatusChangeKind;
import org.grassroots.members.messaging.MemberEvents;
import org.grassroots.kit.security.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A website's public join form. Nobody is authenticated, so a signup may only ever create or refresh an unconfirmed
 * ({@code pending}) supporter, which an organiser confirms by activating it: the record of a confirmed person is
 * never changed from here (anyone can type anyone's address), and the caller is told nothing about which case it was.
 */
@ApplicationScoped
public class SignupService {

    /** The form acts on its own, narrow behalf: this service decides what it may write, not a role check. */
    private static final Caller SIGNUP_FORM = new Caller("signup-form", Set.of(Roles.ADMIN), null);

    /** What the form says about the person, and what they agreed to be contacted about. */
    public record Signup(String givenName, String familyName, String email, String phone, String postcode,
                         List<Consent> consents, String source) {
    }

    public record Consent(ContactChannel channel, ContactPurpose purpose) {
    }

    /** What a signup did: for metrics and tests, never for the answer. */
    public enum Outcome { created, pendingRefreshed, confirmedLeftAsItWas }

    @Inject
    Clock clock;

    @Inject
    MembershipService memberships;

    @Inject
    ConsentService consents;

    @Inject
    MemberEvents events;

    @Transactional(dontRollbackOn = ProblemException.class)
    public Outcome signUp(Signup signup) {
        // Refusals are about the input alone, before any lookup: they cannot tell whether the address is known.
        Optional<String> phone = Optional.ofNullable(signup.phone()).map(MembershipService::phone);
        Optional<Postcode> postcode = Optional.ofNullable(signup.postcode()).map(MembershipService::postcode);
        String origin = signup.source() == null ? "website signup" : signup.source();
        MemberDetails details = new MemberDetails(signup.givenName(), signup.familyName(), signup.email(),
                signup.phone(), signup.postcode(), MembershipType.supporter, null, origin, null, null);
        OffsetDateTime now = SuiteClock.timestamp(clock);
        Optional<Member> existing = Member.findByEmail(signup.email());
        if (existing.isPresent() && existing.get().status != MembershipStatus.pending) {
            return Outcome.confirmedLeftAsItWas;
        }
        Member member;
        Outcome outcome;
        if (existing.isEmpty()) {
            member = memberships.newMember(details, phone, postcode, p -> Branch.covering(p).map(b -> b.id),
                    SIGNUP_FORM, now);
            member.status = MembershipStatus.pending;
            member.persist();
            MembershipService.history(member, null, StatusChangeKind.joined, null, now);
            events.joined(member);
            outcome = Outcome.created;
        } else {
            member = existing.get();
            if (memberships.update(member, details, phone, postcode, SIGNUP_FORM, now)) {
                events.updated(member);
            }
            outcome = Outcome.pendingRefreshed;
        }
        for (Consent consent : signup.consents()) {
            consents.append(member, consent.channel(), consent.purpose(), true, LawfulBasis.consent,
                    "signup: " + origin);
        }
        return outcome;
    }
}
