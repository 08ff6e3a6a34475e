package org.chamberlink;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database (two application contexts in this JVM, on the
 * test run's PostgreSQL), as behind a load balancer without sticky sessions (issue 23): a session
 * begun on one serves on the other and ends on both; a lock-out earned on one holds on the other;
 * an API token revoked on one is refused by the other; every scheduled task, fired by both at the
 * same moment, runs once. The tasks are found in the running application, so a module that adds one
 * is held to this without anyone remembering: it must carry ShedLock's lock with a name of its own
 * and a minimum hold.
 */
class TwoInstancesTest {

	/** Per lock name: how often an instance got the lock (and so ran the task's body). */
	static final Map<String, AtomicInteger> ACQUIRED = new ConcurrentHashMap<>();

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = instance();
		second = instance();
	}

	@AfterAll
	static void stopThem() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void aSessionBegunOnOneInstanceServesOnTheOtherAndEndsOnBoth() {
		AccountPrincipal account = accounts().create(Role.SYSTEM_ADMIN);
		WebSession onFirst = WebSession.signedIn(port(first), account.getUsername(), TestAccounts.PASSWORD);
		WebSession onSecond = onFirst.sameBrowserOn(port(second));
		HttpResponse<String> page = onSecond.get("/account");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(account.getUsername());
		// signed out on the second (its CSRF token from the page it showed): the first no longer knows the session
		assertThat(onSecond.postForm("/logout", Map.of()).statusCode()).isEqualTo(302);
		assertThat(onFirst.location(onFirst.get("/account"))).endsWith("/login");
	}

	@Test
	void aLockOutEarnedOnOneInstanceHoldsOnTheOther() {
		AccountPrincipal account = accounts().create(Role.SYSTEM_ADMIN);
		WebSession guesser = new WebSession(port(first));
		for (int i = 0; i < 5; i++) {
			assertThat(guesser.location(guesser.login(account.getUsername(), "Wrong-Passw0rd-" + i))).contains("error");
		}
		WebSession owner = new WebSession(port(second));
		assertThat(owner.location(owner.login(account.getUsername(), TestAccounts.PASSWORD)))
			.as("the right password on the other instance while locked").contains("error");
	}

	@Test
	void aTokenRevokedOnOneInstanceIsRefusedByTheOther() {
		AccountPrincipal account = accounts().create(Role.SYSTEM_ADMIN);
		ApiTokens tokens = first.getBean(ApiTokens.class);
		ApiTokens.CreatedToken token = tokens.create(account.id(), "two instances");
		assertThat(Api.get(port(second), "/api/v1/me", token.secret()).statusCode()).isEqualTo(200);
		tokens.revoke(account.id(), token.token().id());
		// the second holds the token in memory (decision 54) until the database's notice of the change
		// reaches it, milliseconds after the revocation's commit
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2))
			.until(() -> Api.get(port(second), "/api/v1/me", token.secret()).statusCode() == 401);
		assertThat(Api.get(port(first), "/api/v1/me", token.secret()).statusCode()).isEqualTo(401);
	}

	@Test
	void everyScheduledTaskCarriesALockOfItsOwn() {
		List<Task> tasks = tasks(first);
		assertThat(tasks).as("scheduled tasks found").hasSizeGreaterThanOrEqualTo(4);
		Map<String, String> names = new HashMap<>();
		for (Task task : tasks) {
			SchedulerLock lock = task.lock();
			assertThat(lock).as(task + " has @SchedulerLock").isNotNull();
			assertThat(lock.name()).as(task + " lock name").isNotBlank();
			assertThat(lock.lockAtLeastFor()).as(task + " lockAtLeastFor").isNotBlank();
			assertThat(names.put(lock.name(), task.toString())).as("lock name " + lock.name() + " used twice").isNull();
		}
	}

	@Test
	void eachRunsOnceWhenBothInstancesFireAtOnce() throws Exception {
		List<Task> tasks = tasks(first);
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		// a run of an earlier test (or of the suite's own context) must not hold a lock now
		jdbc.sql("delete from shedlock").update();
		ACQUIRED.clear();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (Task task : tasks) {
				CountDownLatch gate = new CountDownLatch(1);
				List<Future<?>> runs = new ArrayList<>();
				for (ConfigurableApplicationContext instance : List.of(first, second)) {
					Object bean = instance.getBean(task.beanName());
					runs.add(pool.submit(() -> {
						gate.await();
						ReflectionUtils.makeAccessible(task.method());
						return task.method().invoke(bean);
					}));
				}
				gate.countDown();
				for (Future<?> run : runs) {
					run.get();
				}
				assertThat(ACQUIRED.getOrDefault(task.lock().name(), new AtomicInteger()).get())
					.as(task + " ran (lock taken) by how many instances").isEqualTo(1);
			}
			// fired again within its minimum hold (the other instance's clock a little late): skipped
			Task any = tasks.get(0);
			ReflectionUtils.makeAccessible(any.method());
			any.method().invoke(second.getBean(any.beanName()));
			assertThat(ACQUIRED.get(any.lock().name()).get()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from shedlock where lock_until > timezone('utc', now())").query(Long.class).single())
				.as("locks held in the database").isEqualTo(tasks.size());
		}
		finally {
			pool.shutdownNow();
			jdbc.sql("delete from shedlock").update();
		}
	}

	private static TestAccounts accounts() {
		return new TestAccounts(first.getBean(AccountManagement.class));
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	record Task(String beanName, Method method, SchedulerLock lock) {

		@Override
		public String toString() {
			return method.getDeclaringClass().getSimpleName() + "." + method.getName();
		}

	}

	private static List<Task> tasks(ConfigurableApplicationContext context) {
		List<Task> tasks = new ArrayList<>();
		for (String name : context.getBeanDefinitionNames()) {
			Object bean = context.getBean(name);
			Class<?> type = AopUtils.getTargetClass(bean);
			if (!type.getName().startsWith("org.chamberlink.")) {
				continue;
			}
			ReflectionUtils.doWithMethods(type, method -> {
				if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
					tasks.add(new Task(name, method, AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class)));
				}
			});
		}
		return tasks;
	}

	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(Application.class, CountingLocks.class)
			.profiles("test")
			// as arguments: default properties would lose to application.yml's server.port
			.run("--server.port=0", "--spring.main.banner-mode=off",
					// the suite's own context shares this database: its unfinished events stay its own
					"--spring.modulith.events.republish-outstanding-events-on-restart=false");
	}

	/** Counts, per lock name, the locks an instance was given — each is one run of the task's body. */
	static class CountingLocks {

		@org.springframework.context.annotation.Bean
		static BeanPostProcessor countingLockProvider() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof LockProvider provider) {
						return (LockProvider) configuration -> count(provider.lock(configuration), configuration);
					}
					return bean;
				}

			};
		}

		private static Optional<SimpleLock> count(Optional<SimpleLock> lock, LockConfiguration configuration) {
			lock.ifPresent(taken -> ACQUIRED.computeIfAbsent(configuration.getName(), name -> new AtomicInteger()).incrementAndGet());
			return lock;
		}

	}

}
