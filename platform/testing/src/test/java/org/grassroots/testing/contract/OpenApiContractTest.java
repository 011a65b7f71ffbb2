package org.grassroots.testing.contract;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
              "/members": {"get": {"operationId": "listMembers", "responses": {
                "200": {"description": "a page", "headers": {"RateLimit": {"required": true, "schema": {"type": "string"}}},
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MemberPage"}}}},
                "4XX": {"$ref": "#/components/responses/Problem"}}}},
              "/members/export": {"get": {"operationId": "exportMembers", "responses": {
                "200": {"description": "csv", "content": {"text/csv": {"schema": {"type": "string"}}}}}}},
              "/members/{id}": {"get": {"operationId": "getMember", "responses": {
                "200": {"description": "one", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Member"}}}},
                "404": {"$ref": "#/components/responses/Problem"}}},
                "delete": {"operationId": "deleteMember", "responses": {"204": {"description": "gone"}}}}},
             "components": {
              "responses": {"Problem": {"description": "a problem", "content": {"application/problem+json": {
                "schema": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}},
              "schemas": {
               "MemberPage": {"type": "object", "required": ["items", "nextCursor"], "properties": {
                 "items": {"type": "array", "items": {"$ref": "#/components/schemas/Member"}},
                 "nextCursor": {"type": ["string", "null"]}}},
               "Member": {"type": "object", "required": ["id", "phone"], "properties": {
                 "id": {"type": "string", "format": "uuid"}, "phone": {"type": "string"}}}}}}
            """;
    private static final String ID = "3f1c3f0e-7a43-4d7e-9d8e-0b4a2b6f0e11";

    private final OpenApiContract contract = OpenApiContract.of(DOCUMENT);

    @Test
    void anAnswerAsDocumentedPasses() {
        assertEquals(List.of(), contract.check("GET", URI.create("http://gw/members?limit=1"), 200,
                headers(Map.of("Content-Type", "application/json", "RateLimit", "\"per-key\";r=1;t=1")),
                "{\"items\":[{\"id\":\"" + ID + "\",\"phone\":\"0117\"}],\"nextCursor\":null}"));
        assertEquals(Map.of("listMembers", 1L), contract.validatedByOperation());
    }

    @Test
    void aNullTheDocumentDoesNotAllowIsAMismatch() {
        var found = contract.check("GET", URI.create("http://gw/members/" + ID), 200,
                headers(Map.of("Content-Type", "application/json")), "{\"id\":\"" + ID + "\",\"phone\":null}");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.getFirst().problem().contains("phone"), found.toString());
    }

    @Test
    void aMissingRequiredFieldAWrongFormatAndAMissingHeaderAreMismatches() {
        var found = contract.check("GET", URI.create("http://gw/members"), 200,
                headers(Map.of("Content-Type", "application/json")), "{\"items\":[{\"id\":\"not-a-uuid\"}]}");
        String all = found.toString();
        assertTrue(all.contains("RateLimit"), all);
        assertTrue(all.contains("nextCursor"), all);
        assertTrue(all.contains("phone"), all);
        assertTrue(all.contains("uuid"), all);
    }

    @Test
    void anUndeclaredStatusOrContentTypeIsAMismatchAndProblemsMatchTheirRangeOrReference() {
        assertTrue(contract.check("GET", URI.create("http://gw/members/" + ID), 500, headers(Map.of()), "")
                .getFirst().problem().contains("status 500 is not declared"));
        assertTrue(contract.check("GET", URI.create("http://gw/members/" + ID), 200,
                headers(Map.of("Content-Type", "text/html")), "<html/>").getFirst().problem().contains("text/html"));
        assertEquals(List.of(), contract.check("GET", URI.create("http://gw/members"), 429,
                headers(Map.of("Content-Type", "application/problem+json")), "{\"status\":429}"));
        assertEquals(1, contract.check("GET", URI.create("http://gw/members/" + ID), 404,
                headers(Map.of("Content-Type", "application/problem+json")), "{\"status\":\"404\"}").size());
        assertEquals(1, contract.check("DELETE", URI.create("http://gw/members/" + ID), 204,
                headers(Map.of("Content-Type", "application/json")), "{}").size(), "a body where none is declared");
    }

    @Test
    void theMostLiteralTemplateWinsAndTheRestIsOutsideTheDocument() {
        assertEquals(List.of(), contract.check("GET", URI.create("http://gw/members/export"), 200,
                headers(Map.of("Content-Type", "text/csv")), "id\n"));
        contract.check("GET", URI.create("http://gw/q/health"), 200, headers(Map.of()), "{}");
        contract.check("PUT", URI.create("http://gw/members"), 405, headers(Map.of()), "");
        assertEquals(Map.of("exportMembers", 1L), contract.validatedByOperation());
        assertEquals(2, contract.outsideTheDocument());
        assertEquals(List.of("deleteMember", "getMember", "listMembers"), contract.neverExercised());
    }

    private static Function<String, Optional<String>> headers(Map<String, String> headers) {
        return name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }
}
