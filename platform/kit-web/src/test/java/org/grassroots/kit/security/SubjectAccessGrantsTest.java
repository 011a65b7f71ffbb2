package org.grassroots.kit.security;

import org.grassroots.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubjectAccessGrantsTest {

    private static final Instant NOW = Instant.parse("2001-03-01T10:00:00Z");
    private final UUID member = UUID.randomUUID();

    private static SubjectAccessGrants grants(String key, Instant at, String... previous) {
        return new SubjectAccessGrants(key, Optional.of(List.of(previous)), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void aGrantVouchesForItsMembersAddressesWhateverTheirCaseOrOrder() {
        SubjectAccessGrants grants = grants("a-secret-of-sixteen+", NOW);
        String grant = grants.issue(member, List.of("Ann@Example.org", "ann.work@example.org"));
        assertEquals(List.of("ann.work@example.org", "ann@example.org"),
                grants.verifiedEmails(member, List.of(" ann.work@example.org", "ANN@example.org"), grant));
    }

    @Test
    void aGrantForOtherAddressesAnotherMemberAnotherSecretOrPastItsMinuteIsRefused() {
        SubjectAccessGrants grants = grants("a-secret-of-sixteen+", NOW);
        String grant = grants.issue(member, List.of("ann@example.org"));
        List<String> more = List.of("ann@example.org", "bob@example.org");
        assertThrows(ProblemException.class, () -> grants.verifiedEmails(member, more, grant));
        assertThrows(ProblemException.class, () -> grants.verifiedEmails(UUID.randomUUID(),
                List.of("ann@example.org"), grant));
        assertThrows(ProblemException.class, () -> grants.verifiedEmails(member, List.of("ann@example.org"), null));
        assertThrows(ProblemException.class, () -> grants("another-secret-of-16", NOW)
                .verifiedEmails(member, List.of("ann@example.org"), grant));
        assertThrows(ProblemException.class, () -> grants("a-secret-of-sixteen+", NOW.plus(Duration.ofSeconds(61)))
                .verifiedEmails(member, List.of("ann@example.org"), grant));
        assertThrows(ProblemException.class, () -> grants.verifiedEmails(member, List.of("ann@example.org"),
                grant.replaceFirst("v1\\.\\d+", "v1." + NOW.plus(Duration.ofDays(1)).getEpochSecond())));
    }

    @Test
    void noAddressesNeedNoGrantAndDuringARotationTheOldSecretsGrantsStillVerify() {
        assertEquals(List.of(), grants("a-secret-of-sixteen+", NOW).verifiedEmails(member, List.of(), null));
        String oldGrant = grants("the-old-secret-of-16", NOW).issue(member, List.of("ann@example.org"));
        assertEquals(List.of("ann@example.org"), grants("the-new-secret-of-16", NOW, "the-old-secret-of-16")
                .verifiedEmails(member, List.of("ann@example.org"), oldGrant));
    }
}
