package org.chamberlink.casework;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener that only the tests have, for {@link EventPublicationRegistryTest}: it hears every
 * {@link CaseResolved} of the shared test context and fails only for the cases it is told to, so
 * the other tests' events are handled and completed as usual.
 */
@Component
class RegistryProbeListener {

	private final Set<Long> failFor = ConcurrentHashMap.newKeySet();

	private final List<CaseResolved> received = new CopyOnWriteArrayList<>();

	void failFor(Long caseId) {
		failFor.add(caseId);
	}

	void recover(Long caseId) {
		failFor.remove(caseId);
	}

	boolean received(Long caseId) {
		return received.stream().anyMatch(event -> event.caseId().equals(caseId));
	}

	@ApplicationModuleListener
	void on(CaseResolved event) {
		if (failFor.contains(event.caseId())) {
			throw new IllegalStateException("Probe listener failing on purpose for case " + event.caseId());
		}
		received.add(event);
	}

}
