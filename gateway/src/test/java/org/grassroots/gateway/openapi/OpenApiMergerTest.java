package org.grassroots.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merge refuses a document whose operations generated clients could not name. */
class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void check(String paths) throws Exception {
        OpenApiMerger.checkOperationNames(JSON.readTree("{\"paths\": " + paths + "}"));
    }

    @Test
    void namedAndTaggedOperationsPass() {
        assertDoesNotThrow(() -> check("""
                {"/members": {"parameters": [], "get": {"operationId": "listMembers", "tags": ["Members"]},
                              "post": {"operationId": "createMember", "tags": ["Members"]}}}"""));
    }

    @Test
    void aMissingOperationIdFailsTheBuildNamingTheOperation() {
        var failure = assertThrows(IllegalStateException.class, () -> check("""
                {"/members": {"get": {"tags": ["Members"]}}}"""));
        assertTrue(failure.getMessage().contains("GET /members has no camelCase operationId"), failure.getMessage());
    }

    @Test
    void aRepeatedOrNonCamelCaseOperationIdOrAMissingTagFails() {
        var repeated = assertThrows(IllegalStateException.class, () -> check("""
                {"/a": {"get": {"operationId": "getThing", "tags": ["T"]}},
                 "/b": {"get": {"operationId": "getThing", "tags": ["T"]}}}"""));
        assertTrue(repeated.getMessage().contains("GET /b repeats the operationId getThing"), repeated.getMessage());
        var snake = assertThrows(IllegalStateException.class, () -> check("""
                {"/a": {"get": {"operationId": "get_thing", "tags": ["T"]}}}"""));
        assertTrue(snake.getMessage().contains("no camelCase operationId ('get_thing')"), snake.getMessage());
        var untagged = assertThrows(IllegalStateException.class, () -> check("""
                {"/a": {"delete": {"operationId": "removeThing"}}}"""));
        assertTrue(untagged.getMessage().contains("DELETE /a has no tag"), untagged.getMessage());
    }
}
