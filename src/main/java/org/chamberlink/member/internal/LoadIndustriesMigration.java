package org.chamberlink.member.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;

import org.springframework.core.io.ClassPathResource;

/**
 * Loads the GB/T 4754-2017 sections and divisions of {@code member/industries-gbt4754-2017.csv}
 * once; the checksum is the file's CRC, so an edit after it was applied is noticed.
 */
public class LoadIndustriesMigration implements JavaMigration {

	static final String FILE = "member/industries-gbt4754-2017.csv";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("9");
	}

	@Override
	public String getDescription() {
		return "load industries gbt4754 2017";
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
			statement.execute("create temporary table industry_load (code text, name text, section text) on commit drop");
		}
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy industry_load from stdin with (format csv, header true)",
						new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into industry (code, name, section)
					select code, name, nullif(section, '') from industry_load
					order by (section is null or section = '') desc, code
					""");
		}
	}

}
