package org.grassroots.kit.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The messages of one outbox row, packed into one {@code bytea}: per message its event id, topic, key and type as
 * UTF-8, each after its length (a 4-byte int), then the payload the same way, length -1 for a tombstone.
 *
 * <p>Why not arrays: PostgreSQL's array input and output handle every element (and escape every quote of a JSON
 * payload); reading an import chunk's row of text arrays back cost more than writing it. A {@code bytea} is
 * copied, and the relay hands the stored bytes to Kafka as they are.
 */
final class OutboxRow {

    private OutboxRow() {
    }

    /** Packs the messages: event ids, topics, keys, types and (JSON, or null) payloads, index by index. */
    static byte[] pack(String[] eventIds, String[] topics, String[] keys, String[] types, String[] payloads) {
        byte[][] fields = new byte[eventIds.length * 5][];
        int size = 0;
        for (int i = 0; i < eventIds.length; i++) {
            fields[5 * i] = utf8(eventIds[i]);
            fields[5 * i + 1] = utf8(topics[i]);
            fields[5 * i + 2] = utf8(keys[i]);
            fields[5 * i + 3] = utf8(types[i]);
            fields[5 * i + 4] = payloads[i] == null ? null : utf8(payloads[i]);
        }
        for (byte[] field : fields) {
            size += Integer.BYTES + (field == null ? 0 : field.length);
        }
        ByteBuffer packed = ByteBuffer.allocate(size);
        for (byte[] field : fields) {
            if (field == null) {
                packed.putInt(-1);
            } else {
                packed.putInt(field.length).put(field);
            }
        }
        return packed.array();
    }

    /** One packed message, its fields as UTF-8; {@code payload} is null for a tombstone. */
    record Message(byte[] eventId, byte[] topic, byte[] key, byte[] type, byte[] payload) {
    }

    /** Reads packed messages in order. */
    static final class Reader {

        private final ByteBuffer packed;

        Reader(byte[] packed) {
            this.packed = ByteBuffer.wrap(packed);
        }

        boolean hasNext() {
            return packed.hasRemaining();
        }

        Message next() {
            return new Message(field(), field(), field(), field(), field());
        }

        private byte[] field() {
            int length = packed.getInt();
            if (length < 0) {
                return null;
            }
            int start = packed.position();
            packed.position(start + length);
            return Arrays.copyOfRange(packed.array(), start, start + length);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
