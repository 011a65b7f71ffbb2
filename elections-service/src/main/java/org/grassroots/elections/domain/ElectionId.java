package org.grassroots.elections.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Democracy Club election id, {@code type[.subtype][.organisation][.division][.by].YYYY-MM-DD}, parsed and
 * checked against the reference definition (https://elections.democracyclub.org.uk/reference_definition).
 *
 * @param organisation the organisation slug (local, mayor, pcc and ref elections only)
 * @param division     the division slug: a ward, electoral division or constituency
 */
public record ElectionId(String value, ElectionType type, String subtype, String organisation, String division,
                         boolean byElection, LocalDate pollDate) {

    public static final int MAX_LENGTH = 200;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String BY = "by";

    public static ElectionId parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidElectionIdException("is required, e.g. local.suffolk.2022-05-05");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidElectionIdException("must be at most " + MAX_LENGTH + " characters");
        }
        String[] segments = raw.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].isEmpty()) {
                throw new InvalidElectionIdException("segment " + (i + 1) + " is empty (two dots, or a dot at an end)");
            }
            if (!SLUG.matcher(segments[i]).matches()) {
                throw new InvalidElectionIdException("segment '" + segments[i]
                        + "' must be lower-case letters, digits and single hyphens");
            }
        }
        if (segments.length < 2) {
            throw new InvalidElectionIdException("needs at least a type and a poll date, e.g. parl.2024-07-04");
        }
        LocalDate pollDate = pollDate(segments);
        ElectionType type = type(segments);

        List<String> middle = new ArrayList<>(List.of(segments).subList(1, segments.length - 1));
        boolean byElection = !middle.isEmpty() && BY.equals(middle.getLast());
        if (byElection) {
            middle.removeLast();
        }
        if (middle.contains(BY)) {
            throw new InvalidElectionIdException("segment 'by' is out of order: it marks a by-election and comes "
                    + "immediately before the date");
        }
        String subtype = null;
        if (type.hasSubtypes() && !middle.isEmpty()) {
            subtype = middle.removeFirst();
            if (!type.subtypes().contains(subtype)) {
                throw new InvalidElectionIdException("subtype '" + subtype + "' is not valid for type '"
                        + type.slug() + "' (one of " + String.join(", ", type.subtypes()) + ")");
            }
        }
        String organisation = type.hasOrganisations() && !middle.isEmpty() ? middle.removeFirst() : null;
        String division = type.hasDivisions(subtype) && !middle.isEmpty() ? middle.removeFirst() : null;
        if (!middle.isEmpty()) {
            throw new InvalidElectionIdException("segment '" + middle.getFirst() + "' is not expected: a '"
                    + type.slug() + "' id is " + shape(type));
        }
        ElectionId id = new ElectionId(raw, type, subtype, organisation, division, byElection, pollDate);
        if (byElection && id.level() != ElectionLevel.ballot) {
            throw new InvalidElectionIdException("segment 'by' marks a by-election ballot, but this id names a "
                    + id.level().name().replace('_', ' ') + ", not a ballot");
        }
        return id;
    }

    private static LocalDate pollDate(String[] segments) {
        String last = segments[segments.length - 1];
        if (!DATE_SHAPE.matcher(last).matches()) {
            for (int i = 0; i < segments.length - 1; i++) {
                if (DATE_SHAPE.matcher(segments[i]).matches()) {
                    throw new InvalidElectionIdException("date '" + segments[i] + "' is out of order: the poll date "
                            + "is the last segment");
                }
            }
            throw new InvalidElectionIdException("the last segment '" + last + "' must be the poll date, YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(last, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidElectionIdException("date '" + last + "' is not a real date");
        }
    }

    private static ElectionType type(String[] segments) {
        String first = segments[0];
        return ElectionType.ofSlug(first).orElseThrow(() -> {
            for (int i = 1; i < segments.length - 1; i++) {
                if (ElectionType.ofSlug(segments[i]).isPresent()) {
                    return new InvalidElectionIdException("type '" + segments[i] + "' is out of order: the election "
                            + "type is the first segment");
                }
            }
            return new InvalidElectionIdException("type '" + first + "' is not a Democracy Club election type (one of "
                    + ElectionType.allSlugs() + ")");
        });
    }

    private static String shape(ElectionType type) {
        return type.slug() + (type.hasSubtypes() ? "[.subtype]" : "") + (type.hasOrganisations() ? "[.organisation]" : "")
                + (type.hasDivisions(null) || type.hasSubtypes() ? "[.division]" : "") + "[.by].YYYY-MM-DD";
    }

    public ElectionLevel level() {
        if (division != null) {
            return ElectionLevel.ballot;
        }
        if (organisation != null) {
            return type.hasDivisions(subtype) ? ElectionLevel.organisation : ElectionLevel.ballot;
        }
        if (subtype != null) {
            return type.hasDivisions(subtype) ? ElectionLevel.subtype_group : ElectionLevel.ballot;
        }
        return ElectionLevel.group;
    }

    /** The id one level up ({@code local.suffolk.st-olaves.2022-05-05} -> {@code local.suffolk.2022-05-05}). */
    public Optional<String> parentId() {
        List<String> parts = new ArrayList<>();
        parts.add(type.slug());
        if (division != null) {
            add(parts, subtype);
            add(parts, organisation);
        } else if (organisation != null) {
            add(parts, subtype);
        } else if (subtype == null) {
            return Optional.empty();
        }
        parts.add(pollDate.toString());
        return Optional.of(String.join(".", parts));
    }

    private static void add(List<String> parts, String segment) {
        if (segment != null) {
            parts.add(segment);
        }
    }
}
