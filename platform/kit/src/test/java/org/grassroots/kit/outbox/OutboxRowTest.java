package org.grassroots.kit.outbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class OutboxRowTest {

    @Test
    void packedMessagesReadBackInOrderWithTombstonesAndNonAsciiTextIntact() {
        byte[] packed = OutboxRow.pack(
                new String[] {"01a20370-0000-7000-8000-000000000001", "01a20370-0000-7000-8000-000000000002"},
                new String[] {"grassroots.members.v1", "grassroots.member-state.v1"},
                new String[] {"member-1", "member-1"},
                new String[] {"org.grassroots.member.joined.v1", "org.grassroots.member.state.v1"},
                new String[] {"{\"name\":\"Siân \\\"Ó\\\" Dóchartaigh\"}", null});

        OutboxRow.Reader reader = new OutboxRow.Reader(packed);
        List<OutboxRow.Message> messages = new ArrayList<>();
        while (reader.hasNext()) {
            messages.add(reader.next());
        }

        assertEquals(2, messages.size());
        assertEquals("01a20370-0000-7000-8000-000000000001", text(messages.get(0).eventId()));
        assertEquals("grassroots.members.v1", text(messages.get(0).topic()));
        assertEquals("member-1", text(messages.get(0).key()));
        assertEquals("org.grassroots.member.joined.v1", text(messages.get(0).type()));
        assertEquals("{\"name\":\"Siân \\\"Ó\\\" Dóchartaigh\"}", text(messages.get(0).payload()));
        assertEquals("grassroots.member-state.v1", text(messages.get(1).topic()));
        assertNull(messages.get(1).payload(), "a tombstone stays a tombstone");
        assertFalse(reader.hasNext());
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
