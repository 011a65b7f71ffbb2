package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * The files of unfinished imports (table {@code import_file}), kept so that an import goes on after a restart.
 * Plain SQL: an entity would keep a second copy of up to 20 MB to check it for changes. Callers bring the
 * transaction.
 */
@ApplicationScoped
class ImportFiles {

    @Inject
    EntityManager entityManager;

    void store(UUID jobId, byte[] content) {
        entityManager.createNativeQuery("insert into import_file (job_id, content) values (?1, ?2)")
                .setParameter(1, jobId).setParameter(2, content).executeUpdate();
    }

    /** The file, or null when there is none (the job ended, or it was started before files were kept). */
    byte[] load(UUID jobId) {
        List<?> content = entityManager.createNativeQuery("select content from import_file where job_id = ?1")
                .setParameter(1, jobId).getResultList();
        return content.isEmpty() ? null : (byte[]) content.getFirst();
    }

    /**
     * The jobs whose file holds one of these email addresses: in any case where the address is ASCII, and as
     * written (its exact UTF-8 bytes) otherwise.
     */
    @SuppressWarnings("unchecked")
    List<UUID> holdingAnyOf(List<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery("""
                        select job_id from import_file
                        where exists (select 1 from unnest(cast(?1 as text[])) as address
                                      where strpos(lower(encode(content, 'escape')), lower(address)) > 0
                                         or position(convert_to(address, 'UTF8') in content) > 0)""", UUID.class)
                .setParameter(1, emails.toArray(String[]::new)).getResultList();
    }

    /** Deleted when the job ends: the file holds personal data. */
    void delete(UUID jobId) {
        entityManager.createNativeQuery("delete from import_file where job_id = ?1").setParameter(1, jobId)
                .executeUpdate();
    }
}
