package org.grassroots.webhooks.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "SecretRotationView", description = "The endpoint's new signing secret, shown only in this answer; "
        + "the previous one keeps signing alongside it until `previousSecretExpiresAt`.")
public record SecretRotationView(UUID endpointId,
                                 @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
                                 OffsetDateTime previousSecretExpiresAt) {
}
