package org.grassroots.members.service;

import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MembershipType;
import org.grassroots.members.domain.PhoneNumber;
import org.grassroots.members.domain.Postcode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one writer of a member's fields, for a second signup (what is left out stays) and a replacement (it goes). */
class MemberFieldsTest {

    private static MemberDetails details(String email, String phone, String postcode, List<String> additionalEmails,
                                         List<String> addressLines, String origin) {
        return new MemberDetails(" Ann ", "Example", email, phone, postcode, null, null, origin, null, null,
                additionalEmails, null, addressLines, null, null);
    }

    private static boolean write(Member member, MemberDetails details, MemberFields.Absent absent) {
        return MemberFields.write(member, details, Optional.ofNullable(details.phone()).flatMap(PhoneNumber::normalise),
                Optional.ofNullable(details.postcode()).flatMap(Postcode::parse), absent);
    }

    private static Member recorded() {
        Member member = new Member();
        write(member, details("ann@example.org", "07700 900123", "pl4 8aa", List.of("ann.work@example.org"),
                List.of("1 High Street"), "website"), MemberFields.Absent.CLEARS);
        member.membershipType = MembershipType.member;
        return member;
    }

    @Test
    void aSecondSignupLeavesWhatItDoesNotSayAndKeepsTheFirstOrigin() {
        Member member = recorded();
        assertEquals("Ann", member.givenName);
        assertEquals("PL4 8AA", member.postcode);
        boolean changed = write(member, details("ann@example.org", null, null, List.of("ann.home@example.org"),
                null, "street stall"), MemberFields.Absent.KEEPS);
        assertTrue(changed);
        assertEquals("PL4 8AA", member.postcode);
        assertEquals("+447700900123", member.phone);
        assertArrayEquals(new String[]{"1 High Street"}, member.addressLines);
        assertEquals("website", member.origin);
        assertEquals(MembershipType.member, member.membershipType);
        assertEquals(Set.of("ann.work@example.org", "ann.home@example.org"), member.additionalEmails);
    }

    @Test
    void signingUpAgainWithAnotherOfTheirAddressesKeepsThePrimaryOneAndChangesNothing() {
        Member member = recorded();
        assertFalse(write(member, details("ANN.WORK@example.org", null, null, null, null, null),
                MemberFields.Absent.KEEPS));
        assertEquals("ann@example.org", member.email);
    }

    @Test
    void aReplacementRemovesWhatItLeavesOut() {
        Member member = recorded();
        boolean changed = write(member, details("ann@example.org", null, null, null, null, null),
                MemberFields.Absent.CLEARS);
        assertTrue(changed);
        assertNull(member.phone);
        assertNull(member.postcode);
        assertNull(member.origin);
        assertEquals(0, member.addressLines.length);
        assertTrue(member.additionalEmails.isEmpty());
        assertFalse(write(member, details("ann@example.org", null, null, null, null, null),
                MemberFields.Absent.CLEARS), "the same values again change nothing");
    }
}
