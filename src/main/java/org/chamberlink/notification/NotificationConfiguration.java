package org.chamberlink.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	SmsGateway loggingSmsGateway() {
		return new LoggingSmsGateway();
	}

}
