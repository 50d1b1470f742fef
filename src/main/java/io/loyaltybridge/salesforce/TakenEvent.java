package io.loyaltybridge.salesforce;

/**
 * One change event as it left its Pub/Sub stream: which stream ({@code source}, the sync source its replay id is
 * stored under: Contact, Order or Account), the decoded header, its replay id, and its place in arrival order
 * ({@code seq}, counted by the ingest across every stream). The place is what keeps replay ids from ever going back:
 * replay ids are opaque, so they cannot be compared, but these numbers can.
 */
record TakenEvent(String source, ChangeEvent event, byte[] replayId, long seq) {
}
