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

    /** Deleted when the job ends: the file holds personal data. */
    void delete(UUID jobId) {
        entityManager.createNativeQuery("delete from import_file where job_id = ?1").setParameter(1, jobId)
                .executeUpdate();
    }
}
