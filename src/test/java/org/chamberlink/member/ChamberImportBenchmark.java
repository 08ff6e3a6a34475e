package org.chamberlink.member;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.chamberlink.organization.ChamberImport;
import org.chamberlink.organization.UnifiedSocialCreditCode;
import org.chamberlink.shared.XlsxWriter;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chamber import at a province's scale, part of {@link MemberBenchmark}
 * ({@code BENCHMARK_ONLY=chambers}; in a full run it follows the member import): as the province
 * user, 10,000 new chambers under the province's counties — one in ten a township chamber in a
 * township that has none yet, the others industry, regional and out-of-town chambers in their
 * county, half registered with a credit code — twice (the JVM's first import, then warm), then the
 * same file again (all unchanged), then the first 1,123 rows alone (as many chambers as seed 003
 * has). The imported chambers are deleted
 * after each measure (their audit entries stay: the log is append-only).
 */
final class ChamberImportBenchmark {

	static final String PREFIX = "基准导入商会";

	private static final String[] KINDS = { "行业商会", "区域性商会", "异地商会", "行业商会", "村级商会" };

	private static final String[] PARTY = { "无党组织", "党支部", "联合党支部", "党委" };

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ChamberImport chamberImport;

	private final List<String> results;

	ChamberImportBenchmark(JdbcClient jdbc, DataSource dataSource, ChamberImport chamberImport, List<String> results) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.chamberImport = chamberImport;
		this.results = results;
	}

	/**
	 * Runs as the signed-in province user. The first import of the run is timed on its own: it is
	 * the JVM's first (the .xlsx reader's classes loaded, its code and the statements cold), which a
	 * server meets once after a start; the measures after it are of a server that has run an import.
	 */
	void run(long province) {
		cleanUp();
		results.add("| Load average before the chamber import (1, 5 min) | " + MemberBenchmark.loadAverage() + " | — |");
		List<List<Object>> rows = rows(province, 10_000);
		byte[] file = xlsx(rows);
		check(timed(file, rows.size(), "—",
				"Chamber import of %,d rows (.xlsx %.1f MB), the first since start (cold): %d chambers created"),
				rows.size());
		cleanUp();
		ChamberImport.Result warm = timed(file, rows.size(), "≥ 2,000 rows/s",
				"Chamber import of %,d rows (.xlsx %.1f MB): %d chambers created");
		check(warm, rows.size());
		long again = System.nanoTime();
		ChamberImport.Result repeat = chamberImport.importChambers(new ByteArrayInputStream(file), false,
				Locale.SIMPLIFIED_CHINESE);
		results.add(String.format(Locale.ROOT, "|   the same file again (idempotent: %,d unchanged, %d created) | %.2f s | — |",
				repeat.unchanged(), repeat.imported(), (System.nanoTime() - again) / 1e9));
		cleanUp();
		List<List<Object>> seed = rows.subList(0, 1_123);
		check(timed(xlsx(seed), seed.size(), "—", "Chamber import of %,d rows (.xlsx %.1f MB): %d chambers created"),
				seed.size());
		cleanUp();
	}

	private ChamberImport.Result timed(byte[] file, int rows, String goal, String what) {
		long started = System.nanoTime();
		ChamberImport.Result result = chamberImport.importChambers(new ByteArrayInputStream(file), false,
				Locale.SIMPLIFIED_CHINESE);
		double seconds = (System.nanoTime() - started) / 1e9;
		results.add(String.format(Locale.ROOT, "| " + what + " | %.2f s = %,.0f rows/s | %s |", rows, file.length / 1e6,
				result.imported(), seconds, rows / seconds, goal));
		return result;
	}

	private static void check(ChamberImport.Result result, int rows) {
		if (!result.errors().isEmpty() || result.imported() != rows) {
			throw new IllegalStateException("the benchmark's file did not import cleanly: " + result.imported() + " of "
					+ rows + ", " + result.errors().subList(0, Math.min(5, result.errors().size())));
		}
	}

	/**
	 * The rows, deterministic: counties in id order take the chambers in turn; every tenth row is a
	 * township chamber in the next township (in code order) without one, under its county.
	 */
	private List<List<Object>> rows(long province, int count) {
		List<Map<String, Object>> counties = jdbc.sql("""
				select id, region_code from organization
				where type = 'FEDERATION' and level = 'COUNTY' and status = 'ACTIVE'
				  and path like (select path from organization where id = :province) || '%'
				order by id
				""").param("province", province).query().listOfRows();
		Map<String, Long> countyOfRegion = new HashMap<>();
		counties.forEach(c -> countyOfRegion.put((String) c.get("region_code"), ((Number) c.get("id")).longValue()));
		List<String> freeTownships = jdbc.sql("""
				select r.code from region r
				where r.level = 'TOWNSHIP' and r.code like '13%' and r.abolished_on is null
				  and not exists (select 1 from organization o
				                  where o.region_code = r.code and o.chamber_kind = 'TOWNSHIP' and o.status = 'ACTIVE')
				order by r.code
				""").query(String.class).list().stream().filter(code -> countyOfRegion.containsKey(code.substring(0, 6)))
			.toList();
		List<List<Object>> rows = new ArrayList<>(count);
		int townships = 0;
		for (int i = 0; i < count; i++) {
			Map<String, Object> county = counties.get(i % counties.size());
			String region = (String) county.get("region_code");
			long parent = ((Number) county.get("id")).longValue();
			String kind = KINDS[i % KINDS.length];
			if (i % 10 == 0 && townships < freeTownships.size()) {
				region = freeTownships.get(townships++);
				parent = countyOfRegion.get(region.substring(0, 6));
				kind = "乡镇街道商会";
			}
			boolean registered = i % 2 == 0;
			String code = registered
					? UnifiedSocialCreditCode.complete("51" + region.substring(0, 6) + "MJ" + String.format("%07d", i)) : "";
			rows.add(List.of(PREFIX + i, kind, region, Long.toString(parent),
					String.format("%d-%02d-%02d", 2000 + i % 26, 1 + i % 12, 1 + i % 28), registered ? "是" : "否", code,
					PARTY[i % PARTY.length]));
		}
		return rows;
	}

	private static byte[] xlsx(List<List<Object>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(out, "商会", ChamberImport.HEADERS)) {
			rows.forEach(writer::row);
		}
		return out.toByteArray();
	}

	/**
	 * Leaves the province as generated: the imported chambers go, and their dead index entries.
	 * Nothing refers to them, so the delete skips the foreign-key checks of the thirty-odd tables
	 * that refer to organisations (some, such as the member tables, with no index on the key:
	 * checked row by row, deleting 10,000 chambers took over ten minutes).
	 */
	private void cleanUp() {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("set local session_replication_role = replica");
			statement.executeUpdate("delete from organization where name like '" + PREFIX + "%' and type = 'CHAMBER'");
			connection.commit();
			connection.setAutoCommit(true);
			statement.execute("vacuum analyze organization");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

}
