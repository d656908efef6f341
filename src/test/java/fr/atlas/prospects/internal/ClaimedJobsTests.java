package fr.atlas.prospects.internal;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimedJobsTests {

	@Test
	void judgesDeadOnlyTheWorkersOfThisHost() {
		String here = "4242@node-a";
		Set<String> live = Set.of("4242@node-a/live");
		// this JVM's pid under a name none of its workers has: a former self
		assertThat(ClaimedJobs.deadLocalWorker("4242@node-a/former", here, live::contains, (pid) -> true)).isTrue();
		assertThat(ClaimedJobs.deadLocalWorker("4242@node-a/live", here, live::contains, (pid) -> true)).isFalse();
		// another pid of this host: dead when no Java process has it
		assertThat(ClaimedJobs.deadLocalWorker("17@node-a/x", here, live::contains, (pid) -> false)).isTrue();
		assertThat(ClaimedJobs.deadLocalWorker("17@node-a/x", here, live::contains, (pid) -> true)).isFalse();
		// another host, or a name not of this form: never judged here
		assertThat(ClaimedJobs.deadLocalWorker("4242@node-b/former", here, live::contains, (pid) -> false)).isFalse();
		assertThat(ClaimedJobs.deadLocalWorker("worker-1", here, live::contains, (pid) -> false)).isFalse();
		assertThat(ClaimedJobs.deadLocalWorker("x@node-a/y", here, live::contains, (pid) -> false)).isFalse();
	}

}
