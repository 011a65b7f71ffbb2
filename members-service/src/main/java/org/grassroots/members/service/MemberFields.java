package org.grassroots.members.service;

import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.PhoneNumber;
import org.grassroots.members.domain.Postcode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one writer of the fields a client gives of a person ({@link MemberDetails}), for the three ways they arrive:
 * a new person, a second signup of a known one (what the details leave out stays as it is), and a replacement (the
 * JSON merge patch applied to the current values: what is left out is removed). Refusals come before it is called.
 */
final class MemberFields {

    /** What a field the details leave out (null) means. */
    enum Absent {
        /** A second signup, a CSV row: left as it is; lists gain what they lack; the first origin stays. */
        KEEPS,
        /** A replacement: removed. */
        CLEARS
    }

    private MemberFields() {
    }

    /**
     * Writes the details onto the member.
     *
     * @return whether any writable value changed (the caller publishes and stamps {@code updatedAt} if so)
     */
    static boolean write(Member member, MemberDetails details, Optional<String> phone, Optional<Postcode> postcode,
                         Absent absent) {
        boolean clears = absent == Absent.CLEARS;
        List<Object> before = writable(member);
        List<String> additionalPhones = additionalPhones(details);
        member.givenName = details.givenName().trim();
        member.familyName = details.familyName().trim();
        boolean signedUpWithAnotherOfTheirs = !clears && member.additionalEmails.stream()
                .map(Member::normaliseEmail).anyMatch(Member.normaliseEmail(details.email())::equals);
        if (!signedUpWithAnotherOfTheirs) {
            member.email = details.email().trim();
            // Matched on the external id, the email may be another one: the de-duplication key follows it.
            member.emailNormalised = Member.normaliseEmail(member.email);
        }
        if (clears) {
            member.additionalEmails.clear();
            member.additionalPhones.clear();
        }
        addAdditionalEmails(member, details);
        additionalPhones.stream().filter(number -> !number.equals(member.phone) || clears)
                .forEach(member.additionalPhones::add);
        if (details.addressLines() != null || clears) {
            member.addressLines = details.addressLines() == null ? new String[0]
                    : details.addressLines().stream().map(String::trim).toArray(String[]::new);
        }
        if (phone.isPresent() || clears) {
            member.phone = phone.orElse(null);
        }
        if (postcode.isPresent() || clears) {
            member.postcode = postcode.map(Postcode::toString).orElse(null);
        }
        if (clears) {
            member.origin = details.origin();
        }
        if (details.locality() != null || clears) {
            member.locality = details.locality();
        }
        if (details.region() != null || clears) {
            member.region = details.region();
        }
        if (details.membershipType() != null || clears) {
            member.membershipType = details.membershipType();
        }
        if (details.branchId() != null || clears) {
            member.branchId = details.branchId();
        }
        if (details.externalId() != null || clears) {
            member.externalId = details.externalId();
        }
        if (details.duesPaidUntil() != null || clears) {
            member.duesPaidUntil = details.duesPaidUntil();
        }
        if (clears) {
            // The primary number is not an additional one too.
            member.additionalPhones.removeIf(number -> number.equals(member.phone));
        }
        return !before.equals(writable(member));
    }

    /** The writable values of a member, to tell whether a write changed anything. */
    private static List<Object> writable(Member m) {
        return Arrays.asList(m.givenName, m.familyName, m.email, m.phone, m.postcode, m.membershipType, m.branchId,
                m.origin, m.externalId, m.duesPaidUntil, List.copyOf(m.additionalEmails),
                List.copyOf(m.additionalPhones), m.addressLines == null ? null : List.of(m.addressLines),
                m.locality, m.region);
    }

    /** Adds the details' additional emails the person lacks (the primary one is not repeated). */
    private static void addAdditionalEmails(Member member, MemberDetails details) {
        if (details.additionalEmails() == null) {
            return;
        }
        for (String email : details.additionalEmails()) {
            String normalised = Member.normaliseEmail(email);
            boolean known = normalised.equals(member.emailNormalised) || member.additionalEmails.stream()
                    .map(Member::normaliseEmail).anyMatch(normalised::equals);
            if (!known) {
                member.additionalEmails.add(email.trim());
            }
        }
    }

    /** The details' additional phone numbers, normalised; a 400 naming the field if one is not a number. */
    static List<String> additionalPhones(MemberDetails details) {
        if (details.additionalPhones() == null) {
            return List.of();
        }
        return details.additionalPhones().stream()
                .map(text -> PhoneNumber.normalise(text).orElseThrow(() -> ProblemException.badRequest(
                        "additionalPhones", "must be phone numbers, e.g. 07700 900123 or +44 7700 900123")))
                .distinct().toList();
    }
}
