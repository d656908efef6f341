package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WritingTests {

	private static final OrgId ORG = OrgId.of(UUID.randomUUID());

	@Test
	void writesEveryBatchInOrderUnderTheCallersOrganisation() {
		List<Integer> written = new CopyOnWriteArrayList<>();
		List<OrgId> tenants = new CopyOnWriteArrayList<>();
		CurrentTenant.runAs(ORG, () -> {
			try (Writing writing = new Writing((plan) -> {
				written.add(plan.upTo());
				tenants.add(CurrentTenant.require());
				return true;
			})) {
				for (int upTo = 1000; upTo <= 10_000; upTo += 1000) {
					assertThat(writing.submit(plan(upTo))).isTrue();
				}
				assertThat(writing.finish()).isTrue();
			}
		});
		assertThat(written).containsExactly(1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000);
		assertThat(tenants).containsOnly(ORG);
	}

	@Test
	void dropsTheBatchesAfterACancellation() {
		List<Integer> written = new CopyOnWriteArrayList<>();
		CurrentTenant.runAs(ORG, () -> {
			try (Writing writing = new Writing((plan) -> {
				if (plan.upTo() == 3000) {
					return false;
				}
				written.add(plan.upTo());
				return true;
			})) {
				boolean accepted = true;
				for (int upTo = 1000; upTo <= 50_000 && accepted; upTo += 1000) {
					accepted = writing.submit(plan(upTo));
				}
				assertThat(writing.finish()).isFalse();
			}
		});
		assertThat(written).containsExactly(1000, 2000);
	}

	@Test
	void throwsAFailedWriteToTheCallerAndWritesNothingAfterIt() {
		List<Integer> written = new CopyOnWriteArrayList<>();
		CurrentTenant.runAs(ORG, () -> {
			try (Writing writing = new Writing((plan) -> {
				if (plan.upTo() == 2000) {
					throw new IllegalStateException("disk full");
				}
				written.add(plan.upTo());
				return true;
			})) {
				assertThatIllegalStateException().isThrownBy(() -> {
					for (int upTo = 1000; upTo <= 50_000; upTo += 1000) {
						writing.submit(plan(upTo));
					}
					writing.finish();
				}).withMessage("disk full");
			}
		});
		assertThat(written).containsExactly(1000);
	}

	private static ImportBatch.Plan plan(int upTo) {
		return new ImportBatch.Plan(upTo, new CopyIn("agency", "id"), List.of(), List.of(), List.of(), List.of(),
				List.of(), 0, 0, 0, 0, Map.of(), 0);
	}

}
