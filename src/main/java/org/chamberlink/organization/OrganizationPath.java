package org.chamberlink.organization;

/**
 * An organisation by id and materialised path ({@code /1/7/23/}), as other modules' figures group
 * the organisations of a subtree by the organisation directly below a node.
 */
public record OrganizationPath(Long id, String path) {
}
