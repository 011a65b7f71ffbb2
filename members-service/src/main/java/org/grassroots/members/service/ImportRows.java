package org.grassroots.members.service;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.MembershipType;

import java.lang.annotation.ElementType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * An import file's rows read as a member's details: the header names the columns (checked up front, so a wrong one
 * changes nothing) and each row is checked as the API checks a member. A refusal names the field, never the value.
 */
final class ImportRows {

    static final List<String> REQUIRED = List.of("givenName", "familyName", "email");
    static final List<String> OPTIONAL = List.of("phone", "postcode", "membershipType", "branchId", "origin",
            "externalId", "duesPaidUntil", "addressLine1", "addressLine2", "addressLine3", "locality", "region");
    private static final List<String> ADDRESS_LINES = List.of("addressLine1", "addressLine2", "addressLine3");

    private final Map<String, Integer> column = new HashMap<>();
    private final int width;
    private final Validator validator;

    /** @throws ProblemException (400, field {@code header}) for a column twice, a required one missing, an unknown one */
    ImportRows(List<String> header, Validator validator) {
        checkHeader(header);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        this.width = header.size();
        this.validator = validator;
    }

    /**
     * The API's constraints, without asking JPA whether each property is loaded (a row is no entity): that asking
     * was 40% of validating a row.
     */
    static Validator validator(ValidatorFactory validators) {
        return validators.usingContext().traversableResolver(new TraverseEverything()).getValidator();
    }

    /** One row's details, or a {@link ProblemException} naming the first field refused. */
    MemberDetails details(List<String> row) {
        if (row.size() != width) {
            throw ProblemException.badRequest("row", "has " + row.size() + " fields; the header has " + width);
        }
        MemberDetails details = new MemberDetails(value(row, "givenName"), value(row, "familyName"),
                value(row, "email"), value(row, "phone"), value(row, "postcode"),
                parse(value(row, "membershipType"), "membershipType", MembershipType::valueOf),
                parse(value(row, "branchId"), "branchId", UUID::fromString),
                value(row, "origin"), value(row, "externalId"),
                parse(value(row, "duesPaidUntil"), "duesPaidUntil", LocalDate::parse), null, null,
                addressLines(row), value(row, "locality"), value(row, "region"));
        Set<ConstraintViolation<MemberDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            ConstraintViolation<MemberDetails> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            throw ProblemException.badRequest(first.getPropertyPath().toString(), first.getMessage());
        }
        return details;
    }

    /** addressLine1..3, blanks dropped; null (address left as it is) when the file has none of them. */
    private List<String> addressLines(List<String> row) {
        List<String> lines = new ArrayList<>();
        boolean anyColumn = false;
        for (String name : ADDRESS_LINES) {
            anyColumn |= column.containsKey(name);
            String line = value(row, name);
            if (line != null) {
                // One line is one line: a quoted cell may hold a line break, which the address must not.
                lines.add(line.replaceAll("[\\r\\n]+", " "));
            }
        }
        return anyColumn ? lines : null;
    }

    private String value(List<String> row, String name) {
        Integer index = column.get(name);
        if (index == null) {
            return null;
        }
        String value = row.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static <T> T parse(String value, String field, Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(field, "is not a valid " + field);
        }
    }

    private static void checkHeader(List<String> header) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : header) {
            if (!seen.add(name)) {
                throw ProblemException.badRequest("header", "column " + name + " appears twice");
            }
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                unknown.add(name);
            }
        }
        List<String> missing = REQUIRED.stream().filter(r -> !seen.contains(r)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw ProblemException.badRequest("header", (missing.isEmpty() ? "" : "missing columns " + missing + "; ")
                    + (unknown.isEmpty() ? "" : "unknown columns " + unknown + "; ")
                    + "required: " + REQUIRED + ", optional: " + OPTIONAL);
        }
    }

    /** Every property of a row's details is there to be validated. */
    private static final class TraverseEverything implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty,
                                    ElementType elementType) {
            return true;
        }
    }
}
