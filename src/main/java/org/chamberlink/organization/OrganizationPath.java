package org.chamberlink.organization;

/**
 * An organisation by id and materialised path ({@code /1/7/23/}), as other modules' figures group
 * the organisations of a subtree by the organisation directly below a node.
 */
public record OrganizationPath(Long id, String path) {

	/**
	 * The first path after this organisation's subtree in byte order ({@code /1/7/23/} → {@code /1/7/230}): a
	 * subtree is {@code path ~>=~ :path and path ~<~ :end}, which a {@code varchar_pattern_ops} index serves
	 * in a join too, where {@code like :path || '%'} is no index condition (a set-based read of several
	 * subtrees at once, such as a campaign's pre-fill).
	 */
	public String subtreeEnd() {
		return path.substring(0, path.length() - 1) + "0";
	}

}
