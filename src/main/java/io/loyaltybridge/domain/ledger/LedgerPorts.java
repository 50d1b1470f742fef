package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.order.Orders;
import io.loyaltybridge.domain.program.earning.MemberContexts;

/** The repositories the ledger's use cases work through, handed over together. */
public record LedgerPorts(Members members, Orders orders, LedgerEntries entries, MemberContexts contexts) {
}
