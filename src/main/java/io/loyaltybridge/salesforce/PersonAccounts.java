package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Person accounts in the org, if it has them: {@code IsPersonAccount} exists on Account and Contact exactly when
 * person accounts are enabled. The start's describe of Contact ({@link OrgShape}) tells; should it not have run
 * yet, Account is described on first need. Business contacts and person accounts may live side by side.
 * A person is one member keyed by its person contact's id: Contact reads show person contacts too (with
 * {@code IsPersonAccount} true), so the read that keeps one member per person is the Contact read, and an account
 * id that reaches us (an order's AccountId, an Account change event) is turned into its {@code PersonContactId}.
 * Writes go the other way: the person account is the interface Salesforce gives for person data, so loyalty fields
 * are written on the account as {@code …__pc}; {@link #accountsOf} finds each person contact's account.
 */
final class PersonAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(PersonAccounts.class);
    /** Person contact id → its person account id; learnt from every Contact read, asked for when missing. */
    private final Map<String, String> accountOf = new ConcurrentHashMap<>();
    /** The other way: person account id → its person contact id. */
    private final Map<String, String> contactOf = new ConcurrentHashMap<>();
    /**
     * Business accounts seen in Account change events, so their next events read nothing. Bounded: when full it
     * starts over. A business account converted to a person account later is still heard of, by its Contact event.
     */
    private final Set<String> business = ConcurrentHashMap.newKeySet();
    private static final int BUSINESS_CAPACITY = 100_000;
    private final SalesforceApi api;
    private volatile Boolean enabled;

    PersonAccounts(SalesforceApi api) {
        this.api = api;
    }

    /** Whether the org has person accounts; describes Account the first time it is asked. */
    boolean enabled() {
        Boolean known = enabled;
        return known != null ? known : detect();
    }

    /** The org's shape as the start's describe of Contact found it (Contact.IsPersonAccount). */
    synchronized void learn(boolean personAccounts) {
        if (enabled == null || enabled != personAccounts) {
            enabled = personAccounts;
            LOG.info("Salesforce org shape: {}", shape());
        }
    }

    private synchronized boolean detect() {
        if (enabled == null) {
            boolean found = false;
            for (JsonNode field : api.describe("Account").path("fields")) {
                found |= "IsPersonAccount".equals(field.path("name").asText());
            }
            enabled = found;
            LOG.info("Salesforce org shape: {}", shape());
        }
        return enabled;
    }

    /** How the status reports the org: "contacts" or "contacts and person accounts" (null until detected). */
    String shape() {
        Boolean known = enabled;
        return known == null ? null : known ? "contacts and person accounts" : "contacts";
    }

    void remember(String personContactId, String accountId) {
        if (personContactId != null && accountId != null) {
            accountOf.put(personContactId, accountId);
            contactOf.put(accountId, personContactId);
        }
    }

    /**
     * The person account of each of these contacts that is a person contact; business contacts are absent. Ids not
     * seen since start are looked up in one query (a read, never a write), so a push batch stays one write call.
     */
    Map<String, String> accountsOf(Collection<String> contactIds) {
        Map<String, String> out = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : contactIds) {
            String account = accountOf.get(id);
            if (account != null) {
                out.put(id, account);
            } else if (Soql.isId(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            String soql = "SELECT Id, AccountId FROM Contact WHERE IsPersonAccount = true AND Id IN ("
                    + Soql.idList(unknown) + ")";
            JsonNode page = api.query(soql, false);
            while (true) {
                for (JsonNode r : page.path("records")) {
                    remember(r.path("Id").asText(), r.path("AccountId").asText(null));
                    out.put(r.path("Id").asText(), r.path("AccountId").asText(null));
                }
                if (page.path("done").asBoolean(true)) {
                    break;
                }
                page = api.queryMore(page.path("nextRecordsUrl").asText());
            }
        }
        return out;
    }

    /**
     * The person contacts of these accounts (an Account change event's ids); business accounts have none and are
     * left out. Unknown ids are read in one queryAll, which sees deleted accounts too.
     */
    List<String> personContactsOf(List<String> accountIds) {
        List<String> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : accountIds) {
            String contact = contactOf.get(id);
            if (contact != null) {
                out.add(contact);
            } else if (Soql.isId(id) && !business.contains(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> persons = new ArrayList<>();
            JsonNode page = api.query("SELECT Id, PersonContactId FROM Account WHERE IsPersonAccount = true"
                    + " AND Id IN (" + Soql.idList(unknown) + ")", true);
            while (true) {
                for (JsonNode r : page.path("records")) {
                    String contact = r.path("PersonContactId").asText(null);
                    remember(contact, r.path("Id").asText());
                    persons.add(r.path("Id").asText());
                    if (contact != null) {
                        out.add(contact);
                    }
                }
                if (page.path("done").asBoolean(true)) {
                    break;
                }
                page = api.queryMore(page.path("nextRecordsUrl").asText());
            }
            if (business.size() > BUSINESS_CAPACITY) {
                business.clear();
            }
            unknown.stream().filter(id -> !persons.contains(id)).forEach(business::add);
        }
        return out;
    }

    /** A Contact field's name on a person account: custom {@code X__c} is {@code X__pc}, standard ones Person…. */
    static String accountField(String contactField) {
        if (contactField.endsWith("__c")) {
            return contactField.substring(0, contactField.length() - 1) + "pc";
        }
        return switch (contactField) {
            case "FirstName", "LastName" -> contactField;
            default -> "Person" + contactField;
        };
    }
}
