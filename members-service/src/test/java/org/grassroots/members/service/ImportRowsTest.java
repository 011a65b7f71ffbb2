package org.grassroots.members.service;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.CsvTable;
import org.grassroots.members.domain.MembershipType;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an import file's header and rows are read, without a database or a container. */
class ImportRowsTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = ImportRows.validator(FACTORY);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static ProblemException refusal(Runnable reading) {
        return assertThrows(ProblemException.class, reading::run);
    }

    private static String field(ProblemException e) {
        return e.problem().errors().getFirst().field();
    }

    @Test
    void aHeaderWithAColumnTwiceARequiredOneMissingOrAnUnknownOneIsRefusedNamingThem() {
        ProblemException twice = refusal(() -> new ImportRows(List.of("givenName", "familyName", "email", "email"),
                VALIDATOR));
        assertTrue(twice.problem().errors().getFirst().message().contains("email appears twice"));
        ProblemException wrong = refusal(() -> new ImportRows(List.of("givenName", "email", "shoeSize"), VALIDATOR));
        String message = wrong.problem().errors().getFirst().message();
        assertEquals("header", field(wrong));
        assertTrue(message.contains("missing columns [familyName]") && message.contains("unknown columns [shoeSize]"),
                message);
    }

    @Test
    void aRowIsReadAsTheApiReadsAMemberTrimmedWithBlanksAsNotGiven() {
        UUID branch = UUID.randomUUID();
        LocalDate duesPaidUntil = LocalDate.now().plusMonths(4);
        CsvTable file = CsvTable.parse("""
                givenName,familyName,email,membershipType,branchId,duesPaidUntil,phone,addressLine1,addressLine2
                 Ann ,Example,ann@example.org,supporter,%s,%s,,"1 High
                Street",
                """.formatted(branch, duesPaidUntil));
        MemberDetails details = new ImportRows(file.header(), VALIDATOR).details(file.rows().getFirst());
        assertEquals("Ann", details.givenName());
        assertEquals(MembershipType.supporter, details.membershipType());
        assertEquals(branch, details.branchId());
        assertEquals(duesPaidUntil, details.duesPaidUntil());
        assertNull(details.phone());
        assertEquals(List.of("1 High Street"), details.addressLines(), "a line break inside a cell is no new line");
    }

    @Test
    void withoutAddressColumnsTheAddressIsLeftAsItIs() {
        ImportRows rows = new ImportRows(List.of("givenName", "familyName", "email"), VALIDATOR);
        assertNull(rows.details(List.of("Ann", "Example", "ann@example.org")).addressLines());
    }

    @Test
    void aRefusedRowNamesItsFieldAndNeverItsValue() {
        ImportRows rows = new ImportRows(List.of("givenName", "familyName", "email", "branchId", "membershipType"),
                VALIDATOR);
        ProblemException width = refusal(() -> rows.details(List.of("Ann", "Example")));
        assertEquals("row", field(width));
        ProblemException branch = refusal(() -> rows.details(List.of("Ann", "Example", "ann@example.org",
                "not-a-uuid", "")));
        assertEquals("branchId", field(branch));
        assertFalse(branch.problem().errors().getFirst().message().contains("not-a-uuid"));
        ProblemException type = refusal(() -> rows.details(List.of("Ann", "Example", "ann@example.org", "",
                "emperor")));
        assertEquals("membershipType", field(type));
        ProblemException email = refusal(() -> rows.details(List.of("Ann", "Example", "not an address", "", "")));
        assertEquals("email", field(email));
        assertFalse(email.problem().errors().getFirst().message().contains("not an address"));
    }
}
