package org.chamberlink.web;

import java.util.List;

/**
 * One section of the sidebar as a user sees it: the entries their roles allow, and whether it is
 * open (it holds the current page).
 */
public record NavigationGroup(NavigationSection section, List<NavigationItem> items, boolean open) {
}
