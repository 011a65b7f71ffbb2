package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "OfficeHolderPage", description = "A page of office-holders, most recent start first.")
public record OfficeHolderPage(List<OfficeHolderView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
