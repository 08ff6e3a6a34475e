package org.chamberlink.report;

import java.util.List;

/** One table of the return (表一 组织情况 …): its cells in printed order. */
public record ReturnTable(String key, String titleKey, List<ReturnCell> cells) {
}
