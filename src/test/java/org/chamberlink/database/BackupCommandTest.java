package org.chamberlink.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup command's refusals, which an operator's cron job relies on: exit status 1 and no
 * file that looks like a backup. The backup itself is proven end to end by
 * {@code EmbeddedBackupRestoreTest}.
 */
class BackupCommandTest {

	@TempDir
	Path folder;

	@Test
	void isRequestedOnlyByItsOption() {
		assertThat(BackupCommand.requested("--server.port=0")).isFalse();
		assertThat(BackupCommand.requested("--server.port=0", "--chamberlink.backup=x.tar.gz")).isTrue();
	}

	@Test
	void refusesWithoutAFileName() {
		assertThat(BackupCommand.run("--chamberlink.backup=")).isEqualTo(1);
	}

	@Test
	void refusesAnExternalDatabaseAndPointsToPgDump() {
		Path target = folder.resolve("b.tar.gz");
		assertThat(BackupCommand.run("--chamberlink.backup=" + target,
				"--spring.datasource.url=jdbc:postgresql://db.example/chamberlink")).isEqualTo(1);
		assertThat(target).doesNotExist();
	}

	@Test
	void failsWhenNoServerAnswersAndLeavesNoFile() throws IOException {
		int nobody;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			nobody = socket.getLocalPort();
		}
		Path target = folder.resolve("b.tar.gz");
		assertThat(BackupCommand.run("--chamberlink.backup=" + target, "--chamberlink.embedded-db.port=" + nobody))
			.isEqualTo(1);
		assertThat(target).doesNotExist();
		try (var left = Files.list(folder)) {
			assertThat(left).as("no partial file left").isEmpty();
		}
	}

}
