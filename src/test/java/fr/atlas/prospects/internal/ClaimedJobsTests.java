package fr.atlas.prospects.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;
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

	@Test
	void aSecondLaneRunsAnotherOrganisationsJobWhileTheFirstIsBusy() throws Exception {
		Lanes lanes = new Lanes(2);

		lanes.secondRoundWhileTheFirstRuns();

		assertThat(lanes.ran).containsExactly(lanes.small);
		lanes.releaseTheFirst();
		assertThat(lanes.ran).containsExactly(lanes.small, lanes.big);
	}

	@Test
	void withOneLaneASecondRoundReturnsAtOnceAndTheFirstTakesTheNextJob() throws Exception {
		Lanes lanes = new Lanes(1);

		lanes.secondRoundWhileTheFirstRuns();

		assertThat(lanes.ran).isEmpty();
		lanes.releaseTheFirst();
		assertThat(lanes.ran).containsExactly(lanes.big, lanes.small);
	}

	/**
	 * A large job, held until released, queued before a small one of another
	 * organisation.
	 */
	private static final class Lanes {

		final UUID big = UUID.randomUUID();

		final UUID small = UUID.randomUUID();

		final Queue<ClaimedJobs.Claim> queued = new ConcurrentLinkedQueue<>(
				List.of(new ClaimedJobs.Claim(OrgId.of(UUID.randomUUID()), this.big),
						new ClaimedJobs.Claim(OrgId.of(UUID.randomUUID()), this.small)));

		final List<UUID> ran = new CopyOnWriteArrayList<>();

		final CountDownLatch bigMayEnd = new CountDownLatch(1);

		final Consumer<UUID> run = (job) -> {
			if (job.equals(this.big)) {
				try {
					this.bigMayEnd.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			this.ran.add(job);
		};

		final ClaimedJobs jobs;

		Lanes(int lanes) {
			this.jobs = new ClaimedJobs("test", lanes, () -> Optional.ofNullable(this.queued.poll()), () -> {
			});
		}

		private @Nullable Thread first;

		/**
		 * Starts a round that takes the large job and, once it has, runs a second round
		 * on this thread.
		 */
		void secondRoundWhileTheFirstRuns() throws InterruptedException {
			this.first = Thread.ofVirtual().start(() -> this.jobs.drain(this.run));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (this.queued.size() == 2 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(this.queued).hasSize(1);
			this.jobs.drain(this.run);
		}

		void releaseTheFirst() throws InterruptedException {
			this.bigMayEnd.countDown();
			this.first.join(Duration.ofSeconds(10));
		}

	}

}
