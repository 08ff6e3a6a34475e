package org.chamberlink.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of the whole database that costs one query: while installed, a row trigger on
 * every table counts, per table, the rows inserted, updated or deleted by transactions that
 * committed (the count is written in the same transaction, so a write rolled back is no change).
 * Sessions and the sign-in throttle, which every request or sign-in touches, are left out.
 * Install it for one test and {@link #close} it after; a test that compares two {@link #snapshot}s
 * learns which tables changed in between.
 */
public final class WriteCounter implements AutoCloseable {

	private static final List<String> IGNORED = List.of("spring_session", "spring_session_attributes",
			"flyway_schema_history", "login_throttle", "test_write_count",
			// the public honour pages' rate limit counts every visit, refused or not, as the login throttle does
			"honour_public_hit");

	private final JdbcClient jdbc;

	private final List<String> tables;

	private WriteCounter(JdbcClient jdbc, List<String> tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	public static WriteCounter install(JdbcClient jdbc) {
		jdbc.sql("create table if not exists test_write_count (table_name text primary key, n bigint not null)").update();
		jdbc.sql("""
				create or replace function test_count_write() returns trigger language plpgsql as $$
				begin
				    insert into test_write_count as c (table_name, n) values (tg_table_name, 1)
				    on conflict (table_name) do update set n = c.n + 1;
				    return null;
				end $$
				""").update();
		List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' "
				+ "and table_type = 'BASE TABLE' order by table_name").query(String.class).list()
			.stream()
			.filter(table -> !IGNORED.contains(table))
			.toList();
		for (String table : tables) {
			jdbc.sql("drop trigger if exists test_count_write on \"" + table + "\"").update();
			jdbc.sql("create trigger test_count_write after insert or update or delete on \"" + table
					+ "\" for each row execute function test_count_write()").update();
		}
		return new WriteCounter(jdbc, tables);
	}

	/** Rows written so far, by table. */
	public Map<String, Long> snapshot() {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql("select table_name, n from test_write_count").query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** The tables whose count differs between two snapshots. */
	public static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
		return after.entrySet()
			.stream()
			.filter(e -> !e.getValue().equals(before.get(e.getKey())))
			.map(e -> e.getKey() + " +" + (e.getValue() - before.getOrDefault(e.getKey(), 0L)))
			.toList();
	}

	@Override
	public void close() {
		for (String table : tables) {
			jdbc.sql("drop trigger if exists test_count_write on \"" + table + "\"").update();
		}
	}

}
