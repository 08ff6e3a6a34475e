package org.chamberlink.honour;

/** What a bulk nomination or a bulk award did: how many it wrote and how many it left out as ineligible. */
public record BulkOutcome(int written, int leftOut) {
}
