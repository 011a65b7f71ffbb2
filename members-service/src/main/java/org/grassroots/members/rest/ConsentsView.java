package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Consents", description = "Current consent (the latest entry per channel and purpose) and the full "
        + "ledger, oldest first.")
public record ConsentsView(List<ConsentView> current, List<ConsentView> ledger) {
}
