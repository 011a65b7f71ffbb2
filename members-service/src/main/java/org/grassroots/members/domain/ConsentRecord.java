package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One entry of the consent ledger: a grant or a withdrawal, with its basis, source and time. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID memberId;

    @Enumerated(EnumType.STRING)
    public ContactChannel channel;

    @Enumerated(EnumType.STRING)
    public ContactPurpose purpose;

    public boolean granted;

    @Enumerated(EnumType.STRING)
    public LawfulBasis lawfulBasis;

    public String source;

    public OffsetDateTime recordedAt;

    public static List<ConsentRecord> ledgerOf(UUID memberId) {
        return list("memberId = ?1 order by id", memberId);
    }

    /** The latest entry per channel and purpose: what the person currently allows. */
    public static Collection<ConsentRecord> currentOf(UUID memberId) {
        Map<String, ConsentRecord> latest = new LinkedHashMap<>();
        for (ConsentRecord record : ledgerOf(memberId)) {
            latest.put(record.channel + "/" + record.purpose, record);
        }
        return latest.values();
    }
}
