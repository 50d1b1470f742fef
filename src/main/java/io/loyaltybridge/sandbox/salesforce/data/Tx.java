package io.loyaltybridge.sandbox.salesforce.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One transaction: collects the changes of a write call and turns them into change events at commit, merging
 * records changed alike (an UPDATE setting the same values on several contacts becomes one event).
 */
public final class Tx {
    private final String origin;
    private final long now;
    private final List<ChangeEvent> pending = new ArrayList<>();

    Tx(String origin, long now) {
        this.origin = origin;
        this.now = now;
    }

    /** The commit time every record written in this transaction gets as its SystemModstamp. */
    public long now() {
        return now;
    }

    void record(String entity, String id, String type, List<String> changed, List<String> nulled,
                Map<String, Object> values) {
        pending.add(new ChangeEvent(entity, List.of(id), type, origin, null, 0, now, 0, null, changed, nulled,
                values));
    }

    List<ChangeEvent> commit(long commitNumber, String user) {
        List<ChangeEvent> merged = new ArrayList<>();
        List<List<String>> ids = new ArrayList<>();
        for (ChangeEvent e : pending) {
            int same = e.changeType().equals("CREATE") ? -1 : indexOfSame(merged, e);
            if (same >= 0) {
                ids.get(same).add(e.recordIds().get(0));
            } else {
                merged.add(e);
                ids.add(new ArrayList<>(e.recordIds()));
            }
        }
        String key = UUID.nameUUIDFromBytes(Long.toString(commitNumber).getBytes()).toString();
        List<ChangeEvent> out = new ArrayList<>(merged.size());
        for (int i = 0; i < merged.size(); i++) {
            ChangeEvent e = merged.get(i);
            out.add(new ChangeEvent(e.entityName(), List.copyOf(ids.get(i)), e.changeType(), e.changeOrigin(), key,
                    i + 1, now, commitNumber, user, e.changedFields(), e.nulledFields(), e.values()));
        }
        return out;
    }

    private static int indexOfSame(List<ChangeEvent> merged, ChangeEvent e) {
        for (int i = 0; i < merged.size(); i++) {
            if (merged.get(i).sameChangeAs(e)) {
                return i;
            }
        }
        return -1;
    }
}
