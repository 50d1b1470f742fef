package io.loyaltybridge.sandbox.salesforce.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates, updates, deletes and undeletes records inside a {@link Tx}, validating like Salesforce does: every field
 * of a request is checked before anything is written, so a failed record is left untouched.
 */
public final class RecordWriter {
    private final OrgData org;
    private final Derived derived;
    private final PersonAccounts persons;

    RecordWriter(OrgData org) {
        this.org = org;
        this.derived = new Derived();
        this.persons = new PersonAccounts(org);
    }

    /** Throws the {@link FieldError} an insert would fail with, writing nothing. */
    public Map<Integer, Object> checkInsert(SObjectType type, Map<String, ?> fields) {
        persons.checkInsert(type, fields);
        Map<Integer, Object> changes = validate(type, fields);
        for (FieldDef f : type.fields()) {
            if (!f.nillable() && f.updateable() && changes.get(type.indexOf(f.name())) == null) {
                throw new FieldError("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + f.name() + "]",
                        List.of(f.name()));
            }
        }
        return changes;
    }

    /** Throws the {@link FieldError} an update would fail with, writing nothing. */
    public Map<Integer, Object> checkUpdate(SRecord r, Map<String, ?> fields) {
        if (r.isDeleted()) {
            throw new FieldError("ENTITY_IS_DELETED", "entity is deleted", List.of());
        }
        persons.checkWrite(r);
        persons.checkUpdate(r, fields);
        Map<Integer, Object> changes = validate(r.type(), fields);
        for (Map.Entry<Integer, Object> c : changes.entrySet()) {
            FieldDef f = r.type().field(c.getKey());
            if (!f.nillable() && c.getValue() == null) {
                throw new FieldError("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + f.name() + "]",
                        List.of(f.name()));
            }
        }
        return changes;
    }

    public SRecord insert(Tx tx, SObjectType type, Map<String, ?> fields) {
        Map<Integer, Object> changes = checkInsert(type, fields);
        SRecord r = org.newRecord(type);
        changes.forEach(r::set);
        // As in a real org, every contact and task has an owner (a User id): the creating user unless given.
        int owner = type.indexOf("OwnerId");
        if (owner >= 0 && r.get(owner) == null) {
            r.set(owner, org.userId());
        }
        Long now = tx.now();
        if (type.indexOf("IsDeleted") >= 0) {
            r.set(type.indexOf("IsDeleted"), Boolean.FALSE);
        }
        for (String ts : List.of("CreatedDate", "LastModifiedDate", "SystemModstamp")) {
            r.set(type.indexOf(ts), now); // one shared Long: three timestamps for the price of one
        }
        derived.afterInsert(r);
        SRecord personContact = persons.afterInsert(tx, r);
        created(tx, r);
        if (personContact != null) {
            created(tx, personContact); // a person account: a second event, for its person contact
        }
        return r;
    }

    private static void created(Tx tx, SRecord r) {
        if (r.type().changeEvents()) {
            // changedFields is only filled for updates; a create carries every populated field instead
            tx.record(r.type().name(), r.id(), "CREATE", List.of(), List.of(), eventValues(r));
        }
    }

    /**
     * Returns whether any field took a new value: a write of the values already held changes nothing. A person
     * account's change is its person contact's too: both are touched and both leave an event, whatever changed.
     */
    public boolean update(Tx tx, SRecord r, Map<String, ?> fields) {
        Map<Integer, Object> changes = checkUpdate(r, fields);
        if (!PersonAccounts.isPersonAccount(r)) {
            return apply(tx, r, changes);
        }
        persons.deriveName(r, changes);
        Map<Integer, Object> contactChanges = persons.contactChanges(r, changes);
        boolean changed = apply(tx, r, changes);
        apply(tx, (SRecord) r.get("PersonContactId"), contactChanges);
        return changed;
    }

    private boolean apply(Tx tx, SRecord r, Map<Integer, Object> changes) {
        SObjectType type = r.type();
        List<String> changed = new ArrayList<>();
        List<String> nulled = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        boolean anyChange = false;
        for (Map.Entry<Integer, Object> c : changes.entrySet()) {
            Object before = r.get(c.getKey());
            FieldDef f = type.field(c.getKey());
            if (sameValue(before, c.getValue())) {
                continue;
            }
            r.set(c.getKey(), c.getValue());
            anyChange = true;
            if (f.inChangeEvents()) {
                changed.add(f.name());
                values.put(f.name(), eventValue(f, c.getValue()));
                if (c.getValue() == null) {
                    nulled.add(f.name());
                }
            }
        }
        touch(tx, r);
        changed.add("LastModifiedDate");
        values.put("LastModifiedDate", tx.now());
        if (type.changeEvents()) {
            tx.record(type.name(), r.id(), "UPDATE", changed, nulled, values);
        }
        return anyChange;
    }

    /** Deleting a person account deletes its person contact too (two events); the contact alone is refused. */
    public void delete(Tx tx, SRecord r) {
        if (r.isDeleted()) {
            throw new FieldError("ENTITY_IS_DELETED", "entity is deleted", List.of());
        }
        persons.checkWrite(r);
        deleteOne(tx, r);
        if (PersonAccounts.isPersonAccount(r)) {
            deleteOne(tx, (SRecord) r.get("PersonContactId"));
        }
    }

    private void deleteOne(Tx tx, SRecord r) {
        r.set(r.type().indexOf("IsDeleted"), Boolean.TRUE);
        touch(tx, r);
        if (r.type().changeEvents()) {
            tx.record(r.type().name(), r.id(), "DELETE", List.of(), List.of(), Map.of());
        }
        rolledUp(tx, derived.afterDeleteOrUndelete(r, true));
    }

    /** The parent whose roll-up (an order's TotalAmount) changed is modified too, and says so in a change event. */
    private void rolledUp(Tx tx, SRecord parent) {
        if (parent == null) {
            return;
        }
        touch(tx, parent);
        if (parent.type().changeEvents()) {
            FieldDef total = parent.type().field(parent.type().indexOf("TotalAmount"));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("TotalAmount", eventValue(total, parent.get("TotalAmount")));
            values.put("LastModifiedDate", tx.now());
            tx.record(parent.type().name(), parent.id(), "UPDATE", List.of("TotalAmount", "LastModifiedDate"),
                    List.of(), values);
        }
    }

    public void undelete(Tx tx, SRecord r) {
        if (!r.isDeleted()) {
            throw new FieldError("UNDELETE_FAILED", "Entity is not in the recycle bin", List.of());
        }
        persons.checkWrite(r);
        undeleteOne(tx, r);
        if (PersonAccounts.isPersonAccount(r)) {
            undeleteOne(tx, (SRecord) r.get("PersonContactId"));
        }
    }

    private void undeleteOne(Tx tx, SRecord r) {
        r.set(r.type().indexOf("IsDeleted"), Boolean.FALSE);
        touch(tx, r);
        if (r.type().changeEvents()) {
            tx.record(r.type().name(), r.id(), "UNDELETE", List.of(), List.of(), eventValues(r));
        }
        rolledUp(tx, derived.afterDeleteOrUndelete(r, false));
    }

    private void touch(Tx tx, SRecord r) {
        Long now = tx.now();
        r.set(r.type().indexOf("LastModifiedDate"), now);
        r.set(r.type().indexOf("SystemModstamp"), now);
    }

    private Map<Integer, Object> validate(SObjectType type, Map<String, ?> fields) {
        Map<Integer, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            int i = type.indexOf(e.getKey());
            if (i < 0) {
                throw new FieldError("INVALID_FIELD", "No such column '" + e.getKey() + "' on sobject of type "
                        + type.name(), List.of(e.getKey()));
            }
            FieldDef f = type.field(i);
            if (!f.updateable()) {
                throw new FieldError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + f.name()
                        + ". Please check the security settings of this field and verify that it is read/write for"
                        + " your profile or permission set.", List.of(f.name()));
            }
            Object v = Values.convert(f, e.getValue());
            out.put(i, f.type() == FieldType.REFERENCE && v != null ? resolve(f, (String) v) : v);
        }
        return out;
    }

    private SRecord resolve(FieldDef f, String id) {
        SObjectType target = org.schemas().get(f.referenceTo());
        if (Ids.normalize(id) == null || Ids.seq(id, target.keyPrefix()) < 0) {
            throw new FieldError("MALFORMED_ID", f.label() + ": id value of incorrect type: " + id,
                    List.of(f.name()));
        }
        SRecord r = org.find(id);
        if (r == null || r.isDeleted()) {
            throw new FieldError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of(f.name()));
        }
        return r;
    }

    private static boolean sameValue(Object a, Object b) {
        return a == null ? b == null : (a instanceof SRecord ? a == b : a.equals(b));
    }

    static Object eventValue(FieldDef f, Object stored) {
        return stored instanceof SRecord ref ? ref.id() : stored;
    }

    /** All populated fields that change events carry, as a CREATE or UNDELETE event lists them. */
    static Map<String, Object> eventValues(SRecord r) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i < r.type().fields().size(); i++) {
            FieldDef f = r.type().field(i);
            Object v = r.get(i);
            if (f.inChangeEvents() && v != null) {
                values.put(f.name(), eventValue(f, v));
            }
        }
        return values;
    }
}
