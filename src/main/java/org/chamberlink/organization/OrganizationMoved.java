package org.chamberlink.organization;

/**
 * An organisation's path changed: it moved under another parent, and with it everything below.
 * Every copy of a path kept elsewhere (members', bills', cases' {@code org_path}) starting with
 * {@code oldPath} has to move to {@code newPath}.
 * <p>
 * Nothing publishes it yet: no operation changes a path today. A change of parent is refused
 * (decision 19), and a change of region keeps the path, which is made of ids. The operation that
 * moves an organisation must publish it in its transaction (decision 22).
 */
public record OrganizationMoved(Long orgId, String oldPath, String newPath, Long oldParentId, Long newParentId) {
}
