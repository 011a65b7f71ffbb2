package org.grassroots.elections.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.elections.domain.Affiliation;
import org.grassroots.elections.domain.AffiliationRuleException;
import org.grassroots.elections.domain.MemberStanding;
import org.grassroots.elections.domain.OfficeHolder;
import org.grassroots.elections.domain.OfficeHolderChange;
import org.grassroots.elections.domain.Party;
import org.grassroots.elections.domain.Post;
import org.grassroots.elections.messaging.OfficeHolderEvents;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/** Office-holders: taking office, changing party, leaving; each published once committed. */
@ApplicationScoped
public class OfficeHolderService {

    @Inject
    Clock clock;

    /** One dated affiliation as a client gives it; {@code partyId} null = independent. */
    public record AffiliationSpec(UUID partyId, LocalDate startDate, LocalDate endDate, String endReason) {
    }

    @Inject
    PartyService parties;

    @Inject
    OfficeHolderEvents events;

    /**
     * Records a person holding a post with their affiliations so far (oldest first; only the last open), e.g. a
     * councillor elected for one party who has since joined ours. Publishes {@code joined}.
     */
    @Transactional
    public OfficeHolder create(String name, UUID postId, UUID memberId, List<AffiliationSpec> specs) {
        Post post = Post.<Post>findByIdOptional(postId).orElseThrow(() -> ProblemException.unprocessable(
                "post-missing", "postId: post " + postId + " does not exist"));
        if (memberId != null && MemberStanding.findById(memberId) == null) {
            throw ProblemException.unprocessable("member-unknown", "memberId: no member " + memberId
                    + " is known here (yet)");
        }
        List<AffiliationSpec> ordered = specs.stream().sorted(Comparator.comparing(AffiliationSpec::startDate)).toList();
        for (int i = 0; i < ordered.size() - 1; i++) {
            if (ordered.get(i).endDate() == null) {
                throw ProblemException.unprocessable("overlapping-affiliations", "affiliations: only the latest "
                        + "affiliation may be open; the one from " + ordered.get(i).startDate() + " has no end date");
            }
        }
        AffiliationSpec last = ordered.getLast();
        if (last.endDate() != null) {
            throw ProblemException.unprocessable("no-current-affiliation", "affiliations: the latest affiliation "
                    + "must be open (record leaving office with POST /office-holders/{id}/leave)");
        }
        notInFuture("affiliations", last.startDate());

        OfficeHolder holder = new OfficeHolder();
        holder.id = TimeOrderedIds.next();
        holder.post = post;
        holder.name = name;
        holder.memberId = memberId;
        holder.startDate = ordered.getFirst().startDate();
        holder.createdAt = SuiteClock.timestamp(clock);
        holder.updatedAt = holder.createdAt;
        Party previous = null;
        for (int i = 0; i < ordered.size(); i++) {
            AffiliationSpec spec = ordered.get(i);
            Party party = spec.partyId() == null ? null : parties.referenced("affiliations[].partyId", spec.partyId());
            apply(() -> holder.affiliate(party, spec.startDate(), spec.endDate(), spec.endReason()));
            if (i == 0) {
                holder.record(OfficeHolderChange.Kind.took_office, spec.startDate(), null, party, null, holder.createdAt);
            } else {
                holder.record(OfficeHolderChange.Kind.changed_party, spec.startDate(), previous, party,
                        ordered.get(i - 1).endReason(), holder.createdAt);
            }
            previous = party;
        }
        holder.persist();
        events.joined(holder, previous, holder.startDate);
        return holder;
    }

    /** A change of party (crossing the floor): closes the current affiliation, opens the next. */
    @Transactional
    public OfficeHolder changeParty(UUID id, UUID partyId, LocalDate date, String reason) {
        notInFuture("date", date);
        OfficeHolder holder = find(id);
        Party to = partyId == null ? null : parties.referenced("partyId", partyId);
        Party from = holder.currentAffiliation().map(a -> a.party).orElse(null);
        apply(() -> holder.changeParty(to, date, reason, SuiteClock.timestamp(clock)));
        events.changedParty(holder, from, to, date);
        return holder;
    }

    @Transactional
    public OfficeHolder leave(UUID id, LocalDate date, String reason) {
        notInFuture("date", date);
        OfficeHolder holder = find(id);
        Affiliation last = apply(() -> holder.leave(date, reason, SuiteClock.timestamp(clock)));
        events.left(holder, last == null ? null : last.party, date);
        return holder;
    }

    /** Links the person to a member of ours, or (null) unlinks them; publishes {@code member-linked}. */
    @Transactional
    public OfficeHolder linkMember(UUID id, UUID memberId) {
        OfficeHolder holder = find(id);
        if (memberId != null && MemberStanding.findById(memberId) == null) {
            throw ProblemException.unprocessable("member-unknown", "memberId: no member " + memberId
                    + " is known here (yet)");
        }
        if (java.util.Objects.equals(holder.memberId, memberId)) {
            return holder; // a repeat changes nothing and publishes nothing
        }
        UUID previous = holder.memberId;
        holder.memberId = memberId;
        holder.updatedAt = SuiteClock.timestamp(clock);
        Party current = holder.inOffice() ? holder.currentAffiliation().map(a -> a.party).orElse(null) : null;
        events.memberLinked(holder, previous, current, LocalDate.now(clock));
        return holder;
    }

    public OfficeHolder find(UUID id) {
        return OfficeHolder.<OfficeHolder>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Office-holder " + id));
    }

    /** Office-holders, most recent start first; {@code party} matches the current affiliation. */
    public Page<OfficeHolder> list(PageRequest request, UUID postId, UUID partyId, boolean currentOnly) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (postId != null) {
            where.append(" and h.post.id = :post");
            params.and("post", postId);
        }
        if (currentOnly || partyId != null) {
            where.append(" and h.endDate is null");
        }
        if (partyId != null) {
            where.append(" and exists (select a from Affiliation a where a.officeHolder = h and a.endDate is null"
                    + " and a.party.id = :party)");
            params.and("party", partyId);
        }
        if (request.after() != null) {
            where.append(" and (h.startDate < :date or (h.startDate = :date and h.id > :id))");
            params.and("date", request.after().date(0)).and("id", request.after().uuid(1));
        }
        List<OfficeHolder> rows = OfficeHolder.find("select h from OfficeHolder h where " + where
                + " order by h.startDate desc, h.id", params).page(0, request.fetchSize()).list();
        return request.page(rows, h -> Cursor.of(h.startDate, h.id));
    }

    /** How many sit for this party now. */
    public long currentCount(UUID partyId) {
        return Affiliation.count("party.id = ?1 and endDate is null and officeHolder.endDate is null", partyId);
    }

    private void notInFuture(String field, LocalDate date) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw ProblemException.unprocessable("future-date", field + ": " + date + " is in the future; record "
                    + "changes once they have happened");
        }
    }

    private static <T> T apply(java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (AffiliationRuleException e) {
            throw "office-ended".equals(e.slug()) ? ProblemException.conflict(e.slug(), e.getMessage())
                    : ProblemException.unprocessable(e.slug(), e.getMessage());
        }
    }
}
