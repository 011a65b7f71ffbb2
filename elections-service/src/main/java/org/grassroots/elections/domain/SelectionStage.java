package org.grassroots.elections.domain;

import java.util.Map;
import java.util.Set;

/** The stages of candidate selection inside the party, and which moves between them are allowed. */
public enum SelectionStage {
    applied, shortlisted, selected, standing, withdrawn, deselected;

    private static final Map<SelectionStage, Set<SelectionStage>> NEXT = Map.of(
            applied, Set.of(shortlisted, selected, withdrawn, deselected),
            shortlisted, Set.of(selected, withdrawn, deselected),
            selected, Set.of(standing, withdrawn, deselected),
            standing, Set.of(withdrawn, deselected),
            withdrawn, Set.of(),
            deselected, Set.of());

    public boolean canMoveTo(SelectionStage next) {
        return NEXT.get(this).contains(next);
    }

    /** Selection and standing put a person forward in the party's name: members in good standing only. */
    public boolean needsGoodStanding() {
        return this == selected || this == standing;
    }
}
