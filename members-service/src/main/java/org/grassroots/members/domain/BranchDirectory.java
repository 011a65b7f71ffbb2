package org.grassroots.members.domain;

import io.quarkus.panache.common.Sort;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every branch and the postcode districts it covers, in memory: a bulk import proposes branches for thousands of
 * rows without a query each. Same rule as {@link Branch#covering}: a branch naming the district wins over one
 * naming only the area; among equals, the first by name.
 */
public final class BranchDirectory {

    private final Set<UUID> ids = new HashSet<>();
    private final Map<String, UUID> byDistrictOrArea = new HashMap<>();

    private BranchDirectory(List<Branch> branchesByName) {
        for (Branch branch : branchesByName) {
            ids.add(branch.id);
            for (String district : branch.postcodeDistricts) {
                byDistrictOrArea.putIfAbsent(district, branch.id);
            }
        }
    }

    /** The branches as they are now; call inside a transaction. */
    public static BranchDirectory load() {
        return new BranchDirectory(Branch.listAll(Sort.by("name")));
    }

    public boolean exists(UUID branchId) {
        return ids.contains(branchId);
    }

    public Optional<UUID> covering(Postcode postcode) {
        UUID byDistrict = byDistrictOrArea.get(postcode.district());
        return Optional.ofNullable(byDistrict != null ? byDistrict : byDistrictOrArea.get(postcode.area()));
    }
}
