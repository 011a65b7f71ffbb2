package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A local branch of the party, covering some postcode districts. */
@Entity
@Table(name = "branch")
public class Branch extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String slug;

    public String[] postcodeDistricts;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static String slugOf(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public static boolean nameTaken(String name) {
        return count("lower(name) = ?1 or slug = ?2", name.trim().toLowerCase(Locale.ROOT), slugOf(name)) > 0;
    }

    /** The branch covering the postcode's district, or else its area. */
    @SuppressWarnings("unchecked")
    public static Optional<Branch> covering(Postcode postcode) {
        List<Branch> candidates = getEntityManager().createNativeQuery(
                        "select * from branch where ?1 = any(postcode_districts) or ?2 = any(postcode_districts) "
                                + "order by (?1 = any(postcode_districts)) desc, name limit 1", Branch.class)
                .setParameter(1, postcode.district())
                .setParameter(2, postcode.area())
                .getResultList();
        return candidates.stream().findFirst();
    }
}
