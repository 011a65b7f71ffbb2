package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.grassroots.kit.ids.TimeOrderedIds;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person holding a post, with every party affiliation while in it: a councillor who crosses the floor keeps this
 * one record. The rules that keep affiliations from overlapping live here.
 */
@Entity
@Table(name = "office_holder")
public class OfficeHolder extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    /** Public record; null once the linked member was erased. */
    public String name;

    /** The member this person is, if they are one of ours; never shown publicly. */
    public UUID memberId;

    public LocalDate startDate;

    public LocalDate endDate;

    public String endReason;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** Serialises concurrent changes of one office-holder's affiliations. */
    @Version
    public long version;

    @OneToMany(mappedBy = "officeHolder", cascade = CascadeType.PERSIST)
    @OrderBy("startDate")
    public List<Affiliation> affiliations = new ArrayList<>();

    @OneToMany(mappedBy = "officeHolder", cascade = CascadeType.PERSIST)
    @OrderBy("recordedAt, id")
    public List<OfficeHolderChange> history = new ArrayList<>();

    public boolean inOffice() {
        return endDate == null;
    }

    public Optional<Affiliation> currentAffiliation() {
        return affiliations.stream().filter(a -> a.endDate == null).findFirst();
    }

    /** Adds an affiliation, refusing one that overlaps another. */
    public Affiliation affiliate(Party party, LocalDate start, LocalDate end, String endReason) {
        if (end != null && end.isBefore(start)) {
            throw new AffiliationRuleException("invalid-dates", "An affiliation cannot end (" + end
                    + ") before it starts (" + start + ")");
        }
        for (Affiliation existing : affiliations) {
            if (existing.overlaps(start, end)) {
                throw new AffiliationRuleException("overlapping-affiliations", "The affiliation from " + start
                        + (end == null ? "" : " to " + end) + " overlaps the one from " + existing.startDate
                        + (existing.endDate == null ? " (current)" : " to " + existing.endDate));
            }
        }
        Affiliation affiliation = new Affiliation();
        affiliation.id = TimeOrderedIds.next();
        affiliation.officeHolder = this;
        affiliation.party = party;
        affiliation.startDate = start;
        affiliation.endDate = end;
        affiliation.endReason = endReason;
        affiliations.add(affiliation);
        affiliations.sort(java.util.Comparator.comparing(a -> a.startDate));
        return affiliation;
    }

    /** Closes the current affiliation the day before {@code date} and opens the next from {@code date}. */
    public Affiliation changeParty(Party to, LocalDate date, String reason, OffsetDateTime at) {
        requireInOffice();
        Affiliation current = currentAffiliation().orElseThrow(() -> new AffiliationRuleException(
                "no-current-affiliation", "This office-holder has no current affiliation to change"));
        if (sameParty(current.party, to)) {
            throw new AffiliationRuleException("same-party", "The office-holder sits for this party already");
        }
        if (!date.isAfter(current.startDate)) {
            throw new AffiliationRuleException("overlapping-affiliations", "A change on " + date
                    + " overlaps the current affiliation, which started on " + current.startDate);
        }
        current.endDate = date.minusDays(1);
        current.endReason = reason;
        Affiliation next = affiliate(to, date, null, null);
        record(OfficeHolderChange.Kind.changed_party, date, current.party, to, reason, at);
        return next;
    }

    /** Leaves office on {@code date}, closing the current affiliation that day. */
    public Affiliation leave(LocalDate date, String reason, OffsetDateTime at) {
        requireInOffice();
        Affiliation current = currentAffiliation().orElse(null);
        if (date.isBefore(startDate) || (current != null && date.isBefore(current.startDate))) {
            throw new AffiliationRuleException("invalid-dates", "Leaving on " + date + " is before the current "
                    + "affiliation or term started");
        }
        endDate = date;
        endReason = reason;
        if (current != null) {
            current.endDate = date;
            current.endReason = reason;
        }
        record(OfficeHolderChange.Kind.left_office, date, current == null ? null : current.party, null, reason,
                at);
        return current;
    }

    public void record(OfficeHolderChange.Kind kind, LocalDate date, Party from, Party to, String reason,
                       OffsetDateTime at) {
        OfficeHolderChange change = new OfficeHolderChange();
        change.id = TimeOrderedIds.next();
        change.officeHolder = this;
        change.kind = kind;
        change.effectiveDate = date;
        change.fromParty = from;
        change.toParty = to;
        change.reason = reason;
        change.recordedAt = at;
        history.add(change);
        updatedAt = change.recordedAt;
    }

    private void requireInOffice() {
        if (!inOffice()) {
            throw new AffiliationRuleException("office-ended", "This office-holder left office on " + endDate);
        }
    }

    private static boolean sameParty(Party a, Party b) {
        return a == null ? b == null : b != null && a.id.equals(b.id);
    }
}
