package org.chamberlink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number of rows in every table of the application's database, for the backup tests: what a
 * restored copy must hold. Tables the running application changes by itself between two counts
 * (sessions, scheduler locks, the event registry, the outbox worker) are set aside by counting
 * twice — around the backup — and comparing only the tables whose count did not move.
 */
final class RowCounts {

	private RowCounts() {
	}

	static Map<String, Long> of(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("""
				select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
				order by 1""").query(String.class).list();
		Map<String, Long> counts = new TreeMap<>();
		for (String table : tables) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	/** The tables whose count was the same before and after the backup, with that count. */
	static Map<String, Long> steady(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> steady = new LinkedHashMap<>();
		before.forEach((table, count) -> {
			if (count.equals(after.get(table))) {
				steady.put(table, count);
			}
		});
		return steady;
	}

	static Map<String, Long> only(Map<String, Long> counts, java.util.Set<String> tables) {
		Map<String, Long> only = new LinkedHashMap<>();
		counts.forEach((table, count) -> {
			if (tables.contains(table)) {
				only.put(table, count);
			}
		});
		return only;
	}

}
