package io.loyaltybridge.sandbox.salesforce.pubsub;

import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Opaque replay ids: the event's position in the org's event log plus a checksum bound to the org, so a made-up
 * or mangled id is recognised as corrupt instead of silently replaying from somewhere.
 */
final class ReplayIds {
    private static final int LENGTH = 12;
    private final byte[] salt;

    ReplayIds(String orgId) {
        this.salt = orgId.getBytes(StandardCharsets.US_ASCII);
    }

    ByteString encode(long position) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putLong(position).putInt(check(position));
        return ByteString.copyFrom(b.array());
    }

    /** The position inside a replay id, or -1 when it is not one of ours. */
    long decode(ByteString replayId) {
        if (replayId == null || replayId.size() != LENGTH) {
            return -1;
        }
        ByteBuffer b = replayId.asReadOnlyByteBuffer();
        long position = b.getLong();
        return position >= 0 && b.getInt() == check(position) ? position : -1;
    }

    private int check(long position) {
        CRC32 crc = new CRC32();
        crc.update(salt);
        crc.update(ByteBuffer.allocate(8).putLong(position).array());
        return (int) crc.getValue();
    }
}
