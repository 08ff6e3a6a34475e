package org.chamberlink.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

import org.springframework.core.io.ClassPathResource;

/**
 * Loads the 44,703 regions of {@code region/regions-nbs-2023.csv} with PostgreSQL's COPY (well
 * under a second). Being a versioned migration it runs once per database; its checksum is the
 * file's CRC, so Flyway notices if someone edits the file after it was applied. A newer NBS
 * edition comes as a new migration that updates, never replaces, these rows.
 */
public class LoadRegionsMigration implements JavaMigration {

	static final String FILE = "region/regions-nbs-2023.csv";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("5");
	}

	@Override
	public String getDescription() {
		return "load regions nbs 2023";
	}

	@Override
	public Integer getChecksum() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			CRC32 crc = new CRC32();
			crc.update(in.readAllBytes());
			return (int) crc.getValue();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read " + FILE, e);
		}
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException, IOException {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table region_load (code text, name text, level text, parent_code text)"
					+ " on commit drop");
		}
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy region_load from stdin with (format csv, header true)",
						new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		try (Statement statement = connection.createStatement()) {
			// Parents first, so the foreign key holds row by row.
			statement.execute("""
					insert into region (code, name, level, parent_code)
					select code, name, level, nullif(parent_code, '') from region_load
					order by length(code), code
					""");
		}
	}

}
