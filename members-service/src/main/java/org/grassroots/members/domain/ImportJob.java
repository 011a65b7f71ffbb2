package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A CSV import's progress, who started it, and which members-service instance runs it ({@code runner}, a random id
 * per process) with its last sign of life ({@code heartbeatAt}).
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status { queued, running, completed, failed }

    /** A row that was not imported; rows are numbered from 1 after the header. */
    public record RowError(int row, String field, String message) {
    }

    @Id
    public UUID id;

    public String status;

    public int total;
    public int processed;
    public int created;
    public int updated;
    public int unchanged;
    public int failed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<RowError> errors = new ArrayList<>();

    public OffsetDateTime createdAt;

    public OffsetDateTime finishedAt;

    public String callerSubject;

    public String[] callerRoles;

    public UUID callerBranchId;

    public UUID runner;

    public OffsetDateTime heartbeatAt;

    public boolean isUnfinished() {
        return Status.queued.name().equals(status) || Status.running.name().equals(status);
    }
}
