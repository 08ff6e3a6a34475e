package org.chamberlink;

import org.chamberlink.database.BackupCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Application {

	public static void main(String[] args) {
		// java -jar chamberlink.jar --chamberlink.backup=FILE: a backup of the running instance, no second start
		if (BackupCommand.requested(args)) {
			System.exit(BackupCommand.run(args));
		}
		SpringApplication.run(Application.class, args);
	}

}
