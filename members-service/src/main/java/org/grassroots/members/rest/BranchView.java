package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.Branch;

import java.util.List;
import java.util.UUID;

@Schema(name = "Branch", description = "A local branch of the party. Public.")
public record BranchView(UUID id, String name, String slug, List<String> postcodeDistricts) {

    static BranchView of(Branch branch) {
        return new BranchView(branch.id, branch.name, branch.slug, List.of(branch.postcodeDistricts));
    }
}
