package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.grassroots.kit.ids.TimeOrderedIds;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A person on (or on the way to) a ballot: one of our members in selection, or another party's candidate, who is
 * simply {@link SelectionStage#standing}.
 */
@Entity
@Table(name = "candidacy")
public class Candidacy extends PanacheEntityBase {

    /** How one of our members entered selection. */
    public enum Route { applied, nominated }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ballot_id")
    public Election ballot;

    @ManyToOne
    @JoinColumn(name = "party_id")
    public Party party;

    /** The name on the ballot paper; null once an erased member's. */
    public String name;

    /** Our member, for our party's candidacies; never public. */
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    public Route route;

    @Enumerated(EnumType.STRING)
    public SelectionStage stage;

    /** The member's membership lapsed (or was cancelled) after they entered selection. */
    public boolean memberLapsed;

    /** Set with the ballot's result. */
    public Integer votes;

    public Boolean elected;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "candidacy", cascade = CascadeType.PERSIST)
    @OrderBy("changedAt, id")
    public List<StageChange> stages = new ArrayList<>();

    public void moveTo(SelectionStage next, String reason, OffsetDateTime at) {
        StageChange change = new StageChange();
        change.id = TimeOrderedIds.next();
        change.candidacy = this;
        change.fromStage = stage;
        change.toStage = next;
        change.reason = reason;
        change.changedAt = at;
        stages.add(change);
        stage = next;
        updatedAt = change.changedAt;
    }
}
