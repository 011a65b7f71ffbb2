package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.grassroots.kit.outbox.Outbox;
import org.grassroots.kit.outbox.OutboxMessage;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.BranchDirectory;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.Postcode;
import org.grassroots.members.domain.StatusChangeKind;
import org.grassroots.members.messaging.MemberEvents;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import java.time.Clock;

/**
 * Records many people at once with the same rules as {@link MembershipService#record} (de-duplication on the
 * normalised email and the external id, branch proposal, organiser scoping, the same refusals), but set-based: one
 * lookup for the whole batch, new members, their history and their events written in JDBC batches. This is what
 * makes a CSV import fast; a row costs a few microseconds of statements instead of eight round trips.
 */
@ApplicationScoped
public class MemberBatchRecorder {

    @Inject
    Clock clock;

    /** One row to record; {@code number} is its row in the file (for errors). */
    public record Row(int number, MemberDetails details) {
    }

    public enum Result { CREATED, UPDATED, UNCHANGED, REFUSED }

    /** What became of one row; {@code refusal} is set when it was refused (and changed nothing). */
    public record Outcome(Row row, Result result, ProblemException refusal) {
    }

    /** A row that passed the checks needing no database, with its normalised values. */
    private record Checked(Row row, Optional<String> phone, Optional<Postcode> postcode, String emailNormalised) {
    }

    @Inject
    MembershipService membership;

    @Inject
    MemberEvents events;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /**
     * Records the rows in one transaction, in order: a later row naming the same person as an earlier one updates
     * it. A refused row changes nothing and does not spoil the others; a database failure (a concurrent write)
     * rolls the whole batch back.
     */
    @Transactional
    public List<Outcome> record(List<Row> rows, Caller caller, BranchDirectory branches) {
        OffsetDateTime now = SuiteClock.timestamp(clock);
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        List<Checked> checked = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                checked.add(check(row, branches));
            } catch (ProblemException refusal) {
                outcomes.add(new Outcome(row, Result.REFUSED, refusal));
            }
        }

        Map<String, Member> byEmail = new HashMap<>();
        Map<String, Member> byExternalId = new HashMap<>();
        for (Member known : lookUp(checked)) {
            byEmail.put(known.emailNormalised, known);
            if (known.externalId != null) {
                byExternalId.put(known.externalId, known);
            }
        }

        List<Member> created = new ArrayList<>();
        Set<Member> createdHere = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Member> updated = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Checked row : checked) {
            MemberDetails details = row.row().details();
            Member sameEmail = byEmail.get(row.emailNormalised());
            Member sameExternalId = details.externalId() == null ? null : byExternalId.get(details.externalId());
            try {
                if (sameEmail != null && sameExternalId != null && sameEmail != sameExternalId) {
                    throw MembershipService.ambiguousPerson();
                }
                Member match = sameEmail != null ? sameEmail : sameExternalId;
                if (match == null) {
                    Member member = membership.newMember(details, row.phone(), row.postcode(), branches::covering,
                            caller, now);
                    created.add(member);
                    createdHere.add(member);
                    index(member, byEmail, byExternalId);
                    outcomes.add(new Outcome(row.row(), Result.CREATED, null));
                } else if (membership.update(match, details, row.phone(), row.postcode(), caller, now)) {
                    if (!createdHere.contains(match)) {
                        updated.add(match);
                    }
                    index(match, byEmail, byExternalId);
                    outcomes.add(new Outcome(row.row(), Result.UPDATED, null));
                } else {
                    outcomes.add(new Outcome(row.row(), Result.UNCHANGED, null));
                }
            } catch (ProblemException refusal) {
                outcomes.add(new Outcome(row.row(), Result.REFUSED, refusal));
            }
        }

        insert(created, now);
        // Changed members already stored are managed entities: Hibernate writes them at commit.
        List<OutboxMessage> messages = new ArrayList<>(2 * (created.size() + updated.size()));
        created.forEach(member -> messages.addAll(events.joinedMessages(member)));
        updated.forEach(member -> messages.addAll(events.updatedMessages(member)));
        outbox.recordAll(messages);
        outcomes.sort((a, b) -> Integer.compare(a.row().number(), b.row().number()));
        return outcomes;
    }

    private static Checked check(Row row, BranchDirectory branches) {
        MemberDetails details = row.details();
        Optional<String> phone = Optional.ofNullable(details.phone()).map(MembershipService::phone);
        Optional<Postcode> postcode = Optional.ofNullable(details.postcode()).map(MembershipService::postcode);
        if (details.branchId() != null && !branches.exists(details.branchId())) {
            throw MembershipService.unknownBranch(details.branchId());
        }
        return new Checked(row, phone, postcode, Member.normaliseEmail(details.email()));
    }

    /** Everyone the batch may name, by email or external id: one query, its parameters two arrays. */
    @SuppressWarnings("unchecked")
    private List<Member> lookUp(List<Checked> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> emails = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        for (Checked row : rows) {
            emails.add(row.emailNormalised());
            if (row.row().details().externalId() != null) {
                externalIds.add(row.row().details().externalId());
            }
        }
        // Three index lookups, not one "or": PostgreSQL's generic plan for "a = any(?) or b = any(?)" is a
        // sequential scan comparing every member with every element of the array, which grows with the table
        // (1.5 s a chunk at 60,000 members); each branch of the union stays an index scan whatever the plan.
        return entityManager.createNativeQuery("""
                        select * from member where id in (
                            select id from member where email_normalised = any(?1)
                            union all select id from member where external_id = any(?2)
                            union all select member_id from member_email where lower(address) = any(?1))""",
                        Member.class)
                .setParameter(1, emails.toArray(String[]::new))
                .setParameter(2, externalIds.toArray(String[]::new))
                .getResultList();
    }

    private static void index(Member member, Map<String, Member> byEmail, Map<String, Member> byExternalId) {
        byEmail.put(member.emailNormalised, member);
        member.additionalEmails.forEach(email -> byEmail.put(Member.normaliseEmail(email), member));
        if (member.externalId != null) {
            byExternalId.put(member.externalId, member);
        }
    }

    /**
     * The new members and the first entry of their history: one statement each, the rows passed as arrays and
     * unnested by PostgreSQL (a round trip per row would cost more than the row).
     */
    private void insert(List<Member> members, OffsetDateTime now) {
        if (members.isEmpty()) {
            return;
        }
        int n = members.size();
        String[][] columns = new String[15][n];
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            columns[0][i] = m.id.toString();
            columns[1][i] = m.givenName;
            columns[2][i] = m.familyName;
            columns[3][i] = m.email;
            columns[4][i] = m.emailNormalised;
            columns[5][i] = m.status.name();
            columns[6][i] = m.membershipType.name();
            columns[7][i] = m.branchId == null ? null : m.branchId.toString();
            columns[8][i] = m.phone;
            columns[9][i] = m.postcode;
            columns[10][i] = m.origin;
            columns[11][i] = m.externalId;
            // Lines never contain a line break (the CSV parser and the API's validation see to that).
            columns[12][i] = String.join("\n", m.addressLines);
            columns[13][i] = m.locality;
            columns[14][i] = m.region;
        }
        String[] dues = members.stream()
                .map(m -> m.duesPaidUntil == null ? null : m.duesPaidUntil.toString()).toArray(String[]::new);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into member (id, given_name, family_name, email, email_normalised, status, membership_type,
                                        branch_id, phone, postcode, origin, external_id, address_lines, locality,
                                        region, dues_paid_until, joined_at, updated_at, version)
                    select id::uuid, given_name, family_name, email, email_normalised, status, membership_type,
                           branch_id::uuid, phone, postcode, origin, external_id,
                           case when address_lines = '' then '{}'::text[] else string_to_array(address_lines, E'\n') end,
                           locality, region, dues_paid_until::date, ?, ?, 0
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[])
                         as row (id, given_name, family_name, email, email_normalised, status, membership_type,
                                 branch_id, phone, postcode, origin, external_id, address_lines, locality, region,
                                 dues_paid_until)""")) {
                insert.setObject(1, now);
                insert.setObject(2, now);
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(3 + c, connection.createArrayOf("text", columns[c]));
                }
                insert.setArray(3 + columns.length, connection.createArrayOf("text", dues));
                insert.executeUpdate();
            }
            try (PreparedStatement history = connection.prepareStatement("""
                    insert into member_status_change (member_id, from_status, to_status, kind, changed_at)
                    select id::uuid, null, status, ?, ? from unnest(?::text[], ?::text[]) as row (id, status)""")) {
                history.setString(1, StatusChangeKind.joined.name());
                history.setObject(2, now);
                history.setArray(3, connection.createArrayOf("text", columns[0]));
                history.setArray(4, connection.createArrayOf("text", columns[5]));
                history.executeUpdate();
            }
        });
    }
}
