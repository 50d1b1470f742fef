package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.MemberId;

import java.util.Map;

/** One CRM record to update: only the fields whose value changed, as canonical strings (null clears a field). */
public record PushRecord(MemberId member, String externalId, Map<String, String> fields) {
}
